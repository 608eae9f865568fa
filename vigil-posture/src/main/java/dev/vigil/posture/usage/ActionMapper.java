package dev.vigil.posture.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.posture.iam.ActionCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps an API call (endpoint prefix + operation, as CloudTrail or the SDK name them) to the IAM actions that
 * authorise it: the service prefix from {@link ServicePrefixes}, the action from {@link EventActions} or the
 * operation's own name, with Lambda's and CloudFront's dated operation ids undated, S3 versioned object calls mapped
 * to their {@code *Version} actions, DynamoDB transactions and PartiQL statements mapped per item operation, and
 * API Gateway management calls to its HTTP-verb actions. When the action catalogue is available, every result is
 * checked against it (and put in the catalogue's case); without it, results are returned unverified.
 */
public final class ActionMapper {

    /** The outcome for one call. */
    public sealed interface Mapping permits Mapped, Unmapped {}

    /**
     * The call is authorised by these actions.
     *
     * @param actions {@code service:Action}, at least one
     * @param verified true when each was found in the action catalogue
     */
    public record Mapped(List<String> actions, boolean verified) implements Mapping {}

    /**
     * No action could be given.
     *
     * @param operation {@code service:Operation} as recorded
     * @param reason why
     */
    public record Unmapped(String operation, String reason) implements Mapping {}

    private static final java.util.regex.Pattern OPERATION =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final java.util.regex.Pattern LAMBDA_DATE = java.util.regex.Pattern.compile("(\\d{8})(v\\d+)?$");
    private static final java.util.regex.Pattern CLOUDFRONT_DATE =
            java.util.regex.Pattern.compile("\\d{4}_\\d{2}_\\d{2}$");
    private static final java.util.regex.Pattern ANY_DATE =
            java.util.regex.Pattern.compile("(\\d{4}_?\\d{2}_?\\d{2})(v\\d+)?$");
    private static final int CACHE_LIMIT = 10_000;

    private final ActionCatalog catalog;
    private final boolean catalogKnown;
    /** Catalogue lookups by action as written (a trail repeats a few hundred operations thousands of times). */
    private final Map<String, Optional<String>> canonicalCache = new HashMap<>();

    public ActionMapper(ActionCatalog catalog) {
        this.catalog = catalog;
        this.catalogKnown = catalog.exists("s3:GetObject");
    }

    /** True when the catalogue has content (the shipped one); false for an empty placeholder. */
    public boolean catalogKnown() {
        return catalogKnown;
    }

    /** The catalogue used. */
    public ActionCatalog catalog() {
        return catalog;
    }

    /**
     * Maps one call.
     *
     * @param service endpoint prefix ({@code s3}, {@code monitoring}) or SDK service name
     * @param operation {@code eventName} or SDK operation
     * @param params request parameters when known (used by S3, DynamoDB), or null
     */
    public Mapping map(String service, String operation, JsonNode params) {
        String prefix = ServicePrefixes.prefix(service);
        String qualified = prefix + ":" + operation;
        if (ServicePrefixes.NOT_AUTHORISED_BY_IAM.contains(prefix) || EventActions.NO_PERMISSION.contains(qualified)) {
            return new Unmapped(qualified, "needs no IAM permission");
        }
        if (!OPERATION.matcher(operation).matches()) {
            return new Unmapped(qualified, "not an API operation name");
        }
        List<String> candidates = candidates(prefix, undated(prefix, operation), params);
        if (!catalogKnown) {
            return new Mapped(candidates, false);
        }
        List<String> verified = new ArrayList<>();
        for (String a : candidates) {
            String canonical = canonical(a);
            if (canonical == null) {
                // a dated name we do not know about: try without any trailing date or version
                String plain = ANY_DATE.matcher(a).replaceFirst("");
                canonical = plain.equals(a) ? null : canonical(plain);
            }
            if (canonical == null) {
                return new Unmapped(qualified, "no IAM action " + a + " in the catalogue");
            }
            verified.add(canonical);
        }
        return new Mapped(verified, true);
    }

    /** The action in the catalogue's case, or null when it is not there. */
    String canonical(String action) {
        Optional<String> cached = canonicalCache.get(action);
        if (cached == null) {
            cached = Optional.ofNullable(lookUp(action));
            if (canonicalCache.size() < CACHE_LIMIT) {
                canonicalCache.put(action, cached);
            }
        }
        return cached.orElse(null);
    }

    private String lookUp(String action) {
        if (!catalog.exists(action)) {
            return null;
        }
        Set<String> e = catalog.expand(action);
        return e.size() == 1 ? e.iterator().next() : action;
    }

    /** Lambda ({@code ListFunctions20150331}, {@code GetFunction20150331v2}) and CloudFront dated operation ids. */
    static String undated(String prefix, String operation) {
        if (prefix.equals("lambda")) {
            return LAMBDA_DATE.matcher(operation).replaceFirst("");
        }
        if (prefix.equals("cloudfront")) {
            return CLOUDFRONT_DATE.matcher(operation).replaceFirst("");
        }
        return operation;
    }

    private static List<String> candidates(String prefix, String op, JsonNode params) {
        String qualified = prefix + ":" + op;
        switch (prefix) {
            case "s3" -> {
                if (params != null && params.hasNonNull("versionId") && VERSIONED_S3.contains(op)) {
                    return List.of("s3:" + op + "Version");
                }
            }
            case "dynamodb" -> {
                if (op.equals("TransactWriteItems")) {
                    return transactWrite(params);
                }
                if (op.equals("ExecuteStatement") || op.equals("ExecuteTransaction")) {
                    return partiQl(params);
                }
            }
            case "apigateway" -> {
                String verb = apiGatewayVerb(op);
                if (verb != null) {
                    return List.of("apigateway:" + verb);
                }
            }
            default -> {}
        }
        List<String> different = EventActions.different(qualified);
        return different != null ? different : List.of(qualified);
    }

    private static final Set<String> VERSIONED_S3 = Set.of(
            "GetObject",
            "DeleteObject",
            "GetObjectAcl",
            "PutObjectAcl",
            "GetObjectTagging",
            "PutObjectTagging",
            "DeleteObjectTagging",
            "GetObjectAttributes");

    /** Item operations named in {@code transactItems} (put, update, delete, conditionCheck); all four if unknown. */
    private static List<String> transactWrite(JsonNode params) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode items = params == null ? null : params.get("transactItems");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                item.fieldNames().forEachRemaining(k -> {
                    switch (k.toLowerCase(Locale.ROOT)) {
                        case "put" -> out.add("dynamodb:PutItem");
                        case "update" -> out.add("dynamodb:UpdateItem");
                        case "delete" -> out.add("dynamodb:DeleteItem");
                        case "conditioncheck" -> out.add("dynamodb:ConditionCheckItem");
                        default -> {}
                    }
                });
            }
        }
        if (out.isEmpty()) {
            return List.of(
                    "dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem");
        }
        return List.copyOf(out);
    }

    /** PartiQL: the statement's verb decides ({@code SELECT} -> {@code dynamodb:PartiQLSelect}). */
    private static List<String> partiQl(JsonNode params) {
        String statement = params == null ? null : params.path("statement").asText(null);
        if (statement != null) {
            String verb = statement.stripLeading().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            switch (verb) {
                case "SELECT" -> {
                    return List.of("dynamodb:PartiQLSelect");
                }
                case "INSERT" -> {
                    return List.of("dynamodb:PartiQLInsert");
                }
                case "UPDATE" -> {
                    return List.of("dynamodb:PartiQLUpdate");
                }
                case "DELETE" -> {
                    return List.of("dynamodb:PartiQLDelete");
                }
                default -> {}
            }
        }
        return List.of(
                "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLSelect", "dynamodb:PartiQLUpdate");
    }

    /** API Gateway management calls are authorised by {@code apigateway:GET}/{@code POST}/… on the resource path. */
    private static String apiGatewayVerb(String op) {
        if (op.startsWith("Get")) {
            return "GET";
        }
        if (op.startsWith("Create")
                || op.startsWith("Import")
                || op.startsWith("Generate")
                || op.startsWith("Flush")
                || op.startsWith("Test")) {
            return "POST";
        }
        if (op.startsWith("Update")) {
            return "PATCH";
        }
        if (op.startsWith("Put") || op.startsWith("Tag")) {
            return "PUT";
        }
        if (op.startsWith("Delete") || op.startsWith("Untag")) {
            return "DELETE";
        }
        return null;
    }
}
