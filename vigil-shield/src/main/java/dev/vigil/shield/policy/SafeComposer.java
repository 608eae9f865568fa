package dev.vigil.shield.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Composes YAML text into nodes only (nothing is ever constructed or instantiated) and refuses what a policy file has
 * no use for: nesting deeper than {@link #MAX_DEPTH} (the stock composer recurses per level and would overflow the
 * stack), tags other than the standard scalar and collection tags, and merge keys ({@code <<}).
 */
final class SafeComposer extends Composer {

    /** Deepest collection nesting accepted; the schema itself needs four levels. */
    static final int MAX_DEPTH = 32;

    private static final Set<Tag> ALLOWED_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP, Tag.ENV_TAG);

    private final String source;
    private final TrackingParser tracking;
    private int depth;

    private SafeComposer(LoadSettings settings, TrackingParser parser, String source) {
        super(settings, parser);
        this.tracking = parser;
        this.source = source;
    }

    static SafeComposer over(String yaml, LoadSettings settings, String source) {
        TrackingParser parser = new TrackingParser(new ParserImpl(settings, new StreamReader(settings, yaml)));
        return new SafeComposer(settings, parser, source);
    }

    /** The start mark of the last event the composer consumed, to place errors the engine reports without one. */
    Optional<Mark> lastMark() {
        Event last = tracking.last;
        return last == null ? Optional.empty() : last.getStartMark();
    }

    @Override
    protected Node composeScalarNode(Optional<Anchor> anchor, List<CommentLine> blockComments) {
        Node node = super.composeScalarNode(anchor, blockComments);
        // A plain '<<' resolves to the merge tag; as a value it is just text, as a key composeKeyNode refuses it.
        return Tag.MERGE.equals(node.getTag()) ? node : checkTag(node);
    }

    @Override
    protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
        enter();
        try {
            SequenceNode node = super.composeSequenceNode(anchor);
            checkTag(node);
            return node;
        } finally {
            depth--;
        }
    }

    @Override
    protected Node composeMappingNode(Optional<Anchor> anchor) {
        enter();
        try {
            return checkTag(super.composeMappingNode(anchor));
        } finally {
            depth--;
        }
    }

    @Override
    protected Node composeKeyNode(MappingNode node) {
        Node key = super.composeKeyNode(node);
        if (Tag.MERGE.equals(key.getTag())) {
            throw new PolicyException(source, YamlNodes.line(key), "", "merge keys ('<<') are not supported");
        }
        return key;
    }

    /** Refuses a collection that is too deep or explicitly tagged, before composing its children. */
    private void enter() {
        Event start = parser.peekEvent();
        int line = start.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        if (depth >= MAX_DEPTH) {
            throw new PolicyException(source, line, "", "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (start instanceof CollectionStartEvent collection) {
            Optional<String> tag = collection.getTag();
            if (tag.isPresent() && !tag.get().equals("!") && !ALLOWED_TAGS.contains(new Tag(tag.get()))) {
                throw unsupportedTag(line, tag.get());
            }
        }
        depth++;
    }

    private Node checkTag(Node node) {
        if (!ALLOWED_TAGS.contains(node.getTag())) {
            throw unsupportedTag(YamlNodes.line(node), node.getTag().getValue());
        }
        return node;
    }

    private PolicyException unsupportedTag(int line, String tag) {
        return new PolicyException(
                source,
                line,
                "",
                "unsupported YAML tag " + YamlNodes.quote(shortTag(tag))
                        + " (only plain strings, numbers, booleans, lists and mappings are allowed)");
    }

    private static String shortTag(String tag) {
        return tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
    }

    /** Remembers the last event handed to the composer; otherwise a plain delegate. */
    private static final class TrackingParser implements Parser {
        private final Parser delegate;
        private Event last;

        TrackingParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event next() {
            last = delegate.next();
            return last;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }
    }
}
