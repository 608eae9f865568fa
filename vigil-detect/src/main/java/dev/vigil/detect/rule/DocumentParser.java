package dev.vigil.detect.rule;

import dev.vigil.detect.event.LogSource;
import dev.vigil.detect.match.MatchOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Parses and validates one YAML document into a {@link Drafts.Draft}: a detection rule, a correlation, a meta filter,
 * or a document skipped for its status. Anything invalid throws {@link DocumentException} with the line of the
 * offending key.
 */
final class DocumentParser {
    static final int MAX_TITLE = 256;
    static final int MAX_DESCRIPTION = 65_535;
    private static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> OPERATORS = Set.of("gt", "gte", "lt", "lte", "eq", "neq");

    private final MatchOptions options;

    DocumentParser(MatchOptions options) {
        this.options = options;
    }

    Drafts.Draft parse(YamlMap doc, String file) {
        YamlValues values = new YamlValues();
        RuleOrigin origin = new RuleOrigin(file, doc.line());
        if (doc.has("action")) {
            String action = YamlScalars.text(doc.get("action"), "action");
            throw new DocumentException(
                    doc.line("action"), "Sigma v1 rule collections are not supported (action: " + action + ")");
        }
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("detection", "correlation", "filter")) {
            if (doc.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            throw new DocumentException(
                    doc.line(), "not a Sigma rule: the document has no detection, correlation or" + " filter section");
        }
        if (kinds.size() > 1) {
            throw new DocumentException(
                    doc.line(kinds.get(1)),
                    "a document may have only one of detection," + " correlation and filter (found "
                            + String.join(" and ", kinds) + ")");
        }
        String status = YamlScalars.text(doc.get("status"), "status");
        if (status != null) {
            if (!STATUSES.contains(status)) {
                throw new DocumentException(
                        doc.line("status"),
                        "unknown status '" + status
                                + "' (expected stable, test, experimental, deprecated or unsupported)");
            }
            if (status.equals("deprecated") || status.equals("unsupported")) {
                return new Drafts.Skipped(status, origin);
            }
        }
        RuleInfo info = info(doc, status);
        switch (kinds.get(0)) {
            case "detection":
                return detection(doc, info, values, origin);
            case "correlation":
                return correlation(doc, info, origin);
            default:
                return filter(doc, info, values, origin);
        }
    }

    private Drafts.Detection detection(YamlMap doc, RuleInfo info, YamlValues values, RuleOrigin origin) {
        LogSource logSource = logSource(doc, true);
        YamlMap detection = YamlMap.require(doc.get("detection"), "detection", doc.line("detection"));
        if (detection.has("timeframe")) {
            throw new DocumentException(
                    detection.line("timeframe"),
                    "timeframe is v1 aggregation syntax; rewrite as" + " a correlation rule");
        }
        DetectionCompiler.Compiled compiled =
                new DetectionCompiler(options, values).compile(detection, doc.line("detection"), Set.of(), "detection");
        return new Drafts.Detection(info, logSource, compiled.predicate(), compiled.fieldsUsed(), origin);
    }

    private Drafts.Filter filter(YamlMap doc, RuleInfo info, YamlValues values, RuleOrigin origin) {
        LogSource logSource = logSource(doc, true);
        YamlMap filter = YamlMap.require(doc.get("filter"), "filter", doc.line("filter"));
        if (!filter.has("rules")) {
            throw new DocumentException(
                    doc.line("filter"), "filter has no rules (a list of rule ids or names, or any)");
        }
        List<String> rules = YamlScalars.textList(filter.get("rules"), "filter rules");
        if (rules.isEmpty()) {
            throw new DocumentException(filter.line("rules"), "filter rules is empty");
        }
        boolean any = rules.contains("any");
        DetectionCompiler.Compiled compiled =
                new DetectionCompiler(options, values).compile(filter, doc.line("filter"), Set.of("rules"), "filter");
        return new Drafts.Filter(info, logSource, rules, any, compiled.predicate(), compiled.fieldsUsed(), origin);
    }

    private Drafts.Correlation correlation(YamlMap doc, RuleInfo info, RuleOrigin origin) {
        YamlMap c = YamlMap.require(doc.get("correlation"), "correlation", doc.line("correlation"));
        String typeText = YamlScalars.requiredText(c, "type", "correlation type");
        CorrelationType type;
        try {
            type = CorrelationType.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw new DocumentException(c.line("type"), e.getMessage());
        }
        if (!c.has("rules")) {
            throw new DocumentException(doc.line("correlation"), "missing correlation rules");
        }
        List<String> rules = YamlScalars.textList(c.get("rules"), "correlation rules");
        if (rules.isEmpty()) {
            throw new DocumentException(c.line("rules"), "correlation rules is empty");
        }
        List<String> groupBy = YamlScalars.textList(c.get("group-by"), "group-by");
        String span = YamlScalars.requiredText(c, "timespan", "correlation timespan");
        long millis;
        try {
            millis = Timespan.parseMillis(span);
        } catch (IllegalArgumentException e) {
            throw new DocumentException(c.line("timespan"), e.getMessage());
        }
        List<Comparison> comparisons = null;
        List<String> fields = List.of();
        double percentile = Double.NaN;
        if (c.has("condition")) {
            YamlMap cond = conditionMap(c);
            comparisons = new ArrayList<>();
            for (String key : cond.keys()) {
                int line = cond.line(key);
                if (key.equals("field")) {
                    fields = YamlScalars.textList(cond.get(key), "condition field");
                    if (fields.isEmpty()) {
                        throw new DocumentException(line, "condition field is empty");
                    }
                } else if (key.equals("percentile")) {
                    percentile = number(cond.get(key), line, "percentile");
                    if (!(percentile >= 0 && percentile <= 100)) {
                        throw new DocumentException(line, "percentile must be between 0 and 100");
                    }
                } else if (OPERATORS.contains(key)) {
                    Comparison.Operator op = Comparison.Operator.valueOf(key.toUpperCase(Locale.ROOT));
                    comparisons.add(new Comparison(op, number(cond.get(key), line, key)));
                } else {
                    throw new DocumentException(
                            line,
                            "unknown correlation condition '" + key
                                    + "' (expected gt, gte, lt, lte, eq, neq, field or percentile)");
                }
            }
        }
        boolean temporal = type == CorrelationType.TEMPORAL || type == CorrelationType.TEMPORAL_ORDERED;
        if (comparisons == null || comparisons.isEmpty()) {
            if (!temporal) {
                throw new DocumentException(
                        c.line("condition"), type.id() + " needs a condition with gt, gte, lt, lte, eq or neq");
            }
            comparisons = List.of(new Comparison(Comparison.Operator.GTE, rules.size()));
        }
        if (type.needsField() && fields.isEmpty()) {
            throw new DocumentException(c.line("condition"), type.id() + " needs condition.field");
        }
        if (!type.needsField()) {
            fields = List.of();
        }
        if (type != CorrelationType.VALUE_PERCENTILE) {
            percentile = Double.NaN;
        }
        Map<String, Map<String, String>> aliases = aliases(c);
        boolean generate = generate(doc, c);
        return new Drafts.Correlation(
                info,
                type,
                rules,
                c.line("rules"),
                groupBy,
                millis,
                comparisons,
                fields,
                percentile,
                aliases,
                c.line("aliases"),
                generate,
                origin);
    }

    private static YamlMap conditionMap(YamlMap c) {
        Node node = c.get("condition");
        if (node instanceof ScalarNode) {
            throw new DocumentException(
                    c.line("condition"),
                    "correlation condition must be a map such as {gte: 10}"
                            + " (extended string conditions are not supported)");
        }
        return YamlMap.require(node, "correlation condition", c.line("condition"));
    }

    private static double number(Node node, int line, String what) {
        Object v = node instanceof ScalarNode s ? YamlValues.scalar(s) : null;
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw new DocumentException(line, what + " must be a number");
        }
        return n.doubleValue();
    }

    private static Map<String, Map<String, String>> aliases(YamlMap c) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (!c.has("aliases")) {
            return out;
        }
        YamlMap aliases = YamlMap.require(c.get("aliases"), "aliases", c.line("aliases"));
        for (String alias : aliases.keys()) {
            YamlMap perRule = YamlMap.require(aliases.get(alias), "alias '" + alias + "'", aliases.line(alias));
            Map<String, String> fields = new LinkedHashMap<>();
            for (String rule : perRule.keys()) {
                String field = YamlScalars.text(perRule.get(rule), "alias field");
                if (field == null || field.isEmpty()) {
                    throw new DocumentException(
                            perRule.line(rule), "alias '" + alias + "' has no field for '" + rule + "'");
                }
                fields.put(rule, field);
            }
            out.put(alias, fields);
        }
        return out;
    }

    private static boolean generate(YamlMap doc, YamlMap c) {
        YamlMap where = c.has("generate") ? c : doc;
        Node node = where.get("generate");
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return s.getValue().equalsIgnoreCase("true");
        }
        throw new DocumentException(where.line("generate"), "generate must be true or false");
    }

    private static RuleInfo info(YamlMap doc, String status) {
        String title = YamlScalars.requiredText(doc, "title", "title");
        if (title.length() > MAX_TITLE) {
            throw new DocumentException(
                    doc.line("title"), "title is longer than " + MAX_TITLE + " characters (" + title.length() + ")");
        }
        String id = optionalNonBlank(doc, "id");
        String name = optionalNonBlank(doc, "name");
        Level level = Level.MEDIUM;
        String levelText = YamlScalars.text(doc.get("level"), "level");
        if (levelText != null) {
            try {
                level = Level.parse(levelText);
            } catch (IllegalArgumentException e) {
                throw new DocumentException(doc.line("level"), e.getMessage());
            }
        }
        String description = YamlScalars.text(doc.get("description"), "description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new DocumentException(
                    doc.line("description"), "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        String author = YamlScalars.text(doc.get("author"), "author");
        return new RuleInfo(
                id,
                name,
                title,
                level,
                status,
                author,
                description,
                YamlScalars.textList(doc.get("tags"), "tags"),
                YamlScalars.textList(doc.get("references"), "references"),
                YamlScalars.textList(doc.get("falsepositives"), "falsepositives"),
                YamlScalars.textList(doc.get("fields"), "fields"));
    }

    private static String optionalNonBlank(YamlMap doc, String key) {
        String v = YamlScalars.text(doc.get(key), key);
        if (doc.has(key) && (v == null || v.isBlank())) {
            throw new DocumentException(doc.line(key), key + " is empty");
        }
        return v;
    }

    private static LogSource logSource(YamlMap doc, boolean required) {
        if (!doc.has("logsource")) {
            if (required) {
                throw new DocumentException(doc.line(), "missing logsource");
            }
            return LogSource.UNKNOWN;
        }
        YamlMap ls = YamlMap.require(doc.get("logsource"), "logsource", doc.line("logsource"));
        return new LogSource(
                YamlScalars.text(ls.get("product"), "logsource product"),
                YamlScalars.text(ls.get("service"), "logsource service"),
                YamlScalars.text(ls.get("category"), "logsource category"));
    }
}
