package dev.vigil.detect.rule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads the YAML documents of one rule file as snakeyaml nodes (which keep line numbers), safely.
 *
 * <p>The text is first streamed through the event parser (which is not recursive) to bound nesting depth and alias
 * count; only then does the recursive composer build nodes. YAML 1.2 core schema: quoted scalars stay strings.
 */
final class YamlDocuments {
    private YamlDocuments() {}

    /** The documents read, and the error that stopped reading (null when the whole file was read). */
    record Result(List<Node> documents, DocumentException error) {}

    private static LoadSettings settings() {
        return LoadSettings.builder()
                .setLabel("rule")
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // duplicates are reported with their line by YamlMap
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(YamlLimits.MAX_ALIASES)
                .setCodePointLimit(YamlLimits.MAX_FILE_BYTES)
                .setUseMarks(true)
                .setParseComments(false)
                .setAllowNonScalarKeys(true) // reported by YamlMap with a clearer message
                .build();
    }

    static Result read(String text) {
        if (text.length() > YamlLimits.MAX_FILE_BYTES) {
            return new Result(
                    List.of(),
                    new DocumentException(1, "file is larger than " + YamlLimits.MAX_FILE_BYTES + " characters"));
        }
        LoadSettings settings = settings();
        int complete = 0;
        DocumentException error = null;
        try {
            complete = prescan(settings, text);
        } catch (PrescanStop stop) {
            complete = stop.completeDocuments;
            error = stop.error;
        }
        List<Node> docs = new ArrayList<>(complete);
        if (complete > 0) {
            try {
                Iterator<Node> it =
                        new Compose(settings).composeAllFromString(text).iterator();
                while (docs.size() < complete && it.hasNext()) {
                    docs.add(it.next());
                }
            } catch (RuntimeException | StackOverflowError e) {
                // The prescan accepted these documents; a composer failure (e.g. a recursive key) ends the file here.
                if (error == null) {
                    error = toProblem(e);
                }
            }
        }
        return new Result(docs, error);
    }

    /** Returns the number of documents; throws PrescanStop on a syntax error or a limit. */
    private static int prescan(LoadSettings settings, String text) {
        int complete = 0;
        int depth = 0;
        int aliases = 0;
        try {
            for (Event e : new Parse(settings).parseString(text)) {
                switch (e.getEventId()) {
                    case SequenceStart:
                    case MappingStart:
                        if (++depth > YamlLimits.MAX_DEPTH) {
                            throw new PrescanStop(
                                    complete,
                                    new DocumentException(
                                            line(e.getStartMark()),
                                            "YAML nested deeper than " + YamlLimits.MAX_DEPTH + " levels"));
                        }
                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        depth--;
                        break;
                    case Alias:
                        if (++aliases > YamlLimits.MAX_ALIASES) {
                            throw new PrescanStop(
                                    complete,
                                    new DocumentException(
                                            line(e.getStartMark()),
                                            "more than " + YamlLimits.MAX_ALIASES + " YAML aliases"));
                        }
                        break;
                    case DocumentEnd:
                        complete++;
                        break;
                    default:
                        break;
                }
            }
        } catch (PrescanStop stop) {
            throw stop;
        } catch (RuntimeException | StackOverflowError e) {
            throw new PrescanStop(complete, toProblem(e));
        }
        return complete;
    }

    private static DocumentException toProblem(Throwable e) {
        if (e instanceof MarkedYamlEngineException m) {
            int line = m.getProblemMark()
                    .or(m::getContextMark)
                    .map(mark -> mark.getLine() + 1)
                    .orElse(1);
            String problem = m.getProblem() != null ? m.getProblem() : "syntax error";
            String context = m.getContext() != null ? m.getContext() + ": " : "";
            return new DocumentException(line, "invalid YAML: " + context + problem);
        }
        if (e instanceof StackOverflowError) {
            return new DocumentException(1, "invalid YAML: nested too deeply");
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DocumentException(1, "invalid YAML: " + firstLine(msg));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(1);
    }

    static int line(Node node) {
        return line(node.getStartMark());
    }

    private static final class PrescanStop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int completeDocuments;
        final transient DocumentException error;

        PrescanStop(int completeDocuments, DocumentException error) {
            super(null, null, false, false);
            this.completeDocuments = completeDocuments;
            this.error = error;
        }
    }
}
