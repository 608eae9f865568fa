package dev.vigil.cli;

import dev.vigil.cli.inspect.InspectRun;
import dev.vigil.shield.OfflineInspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil inspect}: run the Shield's detectors over payloads or events, one verdict per line. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Shield's injection detectors over JSON lines and print one verdict per line.",
            "Input records: {\"id\": ..., \"payload\": \"...\"} for one value (optional \"where\": query|body|header|"
                    + "cookie|path, \"param\": name), or {\"id\": ..., \"event\": {...}} for a whole Lambda event.",
            "Output: {\"id\", \"verdict\": \"malicious\"|\"benign\", \"categories\", \"rule_ids\", \"locations\"};"
                    + " a record that cannot be read gets \"verdict\": \"error\". A summary goes to stderr."
        },
        footer = {
            "",
            "Exit codes: 0 all records inspected, 1 some records unreadable (or --fail-on-malicious and an"
                    + " attack found), 2 usage error, 3 I/O error."
        })
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSON-lines files ('-' or none: stdin); .gz is decompressed.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--detectors",
            split = ",",
            paramLabel = "ID",
            description = "Run only these detectors (comma-separated ids, e.g. sqli,xss). Default: all built-in.")
    List<String> detectors = new ArrayList<>();

    @Option(names = "--fail-on-malicious", description = "Exit 1 when any record is judged malicious.")
    boolean failOnMalicious;

    @Option(
            names = "--max-record-chars",
            defaultValue = "16777216",
            paramLabel = "N",
            description = "Longest accepted input line in characters; longer ones are skipped with an error"
                    + " (default ${DEFAULT-VALUE}).")
    int maxRecordChars;

    @Option(names = "--quiet", description = "No summary on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        OfflineInspector inspector = Detectors.choose(spec, detectors);
        if (maxRecordChars < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-record-chars is too small");
        }
        InspectRun run = new InspectRun(
                inspector,
                maxRecordChars,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
        List<Path> inputs = files.isEmpty() ? List.of(Path.of("-")) : files;
        for (Path file : inputs) {
            run.inspect(file);
        }
        if (!quiet) {
            run.printSummary();
        }
        if (run.errors() > 0 || (failOnMalicious && run.malicious() > 0)) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** Choosing detectors by id, shared with {@code vigil bench inspect}. */
    static final class Detectors {
        private Detectors() {}

        static OfflineInspector choose(CommandSpec spec, List<String> ids) {
            if (ids.isEmpty()) {
                return OfflineInspector.builtIn();
            }
            Set<String> set = new LinkedHashSet<>();
            for (String id : ids) {
                if (!id.isBlank()) {
                    set.add(id.trim());
                }
            }
            try {
                return OfflineInspector.only(set);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--detectors: " + e.getMessage());
            }
        }
    }
}
