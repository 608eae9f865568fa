package dev.vigil.posture.usage.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one parsed record into an {@link ApiCall}: a CloudTrail record (it has {@code eventSource} and
 * {@code eventName}) or a Shield telemetry API Activity line (OCSF {@code class_uid} 6003 with {@code api.operation}).
 * Other Shield lines (invocations, findings) are not API calls and are passed over without complaint.
 */
final class RecordDecoder {

    /** OCSF API Activity. */
    static final int API_ACTIVITY = 6003;

    private static final int MAX_RESOURCES = 64;

    private RecordDecoder() {}

    /** Thrown for a record that looks like an API call but lacks what is needed to use it. */
    static final class BadRecord extends Exception {
        BadRecord(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The call, or null when the record is not an API call (another kind of telemetry line).
     *
     * @throws BadRecord when it is meant to be one but cannot be used
     */
    static ApiCall decode(JsonNode r, String file, long line) throws BadRecord {
        if (!r.isObject()) {
            throw new BadRecord("not a JSON object");
        }
        if (r.has("eventSource") || r.has("eventName")) {
            return cloudTrail(r, file, line);
        }
        if (r.path("class_uid").asInt(-1) == API_ACTIVITY) {
            return telemetry(r, file, line);
        }
        if (r.has("class_uid") || r.has("vigil")) {
            return null;
        }
        throw new BadRecord("neither a CloudTrail record (eventSource, eventName) nor a telemetry line (class_uid)");
    }

    private static ApiCall cloudTrail(JsonNode r, String file, long line) throws BadRecord {
        String source = text(r, "eventSource");
        String name = text(r, "eventName");
        if (source == null || name == null) {
            throw new BadRecord("CloudTrail record without " + (source == null ? "eventSource" : "eventName"));
        }
        JsonNode id = r.path("userIdentity");
        String principal = text(id, "arn");
        String issuer = text(id.path("sessionContext").path("sessionIssuer"), "arn");
        String type = text(id, "type");
        Session s = Session.of(principal);
        String roleName = s != null ? s.roleName : roleNameOf(issuer);
        String roleArn = issuer != null && issuer.contains(":role/") ? issuer : null;
        String account = text(r, "recipientAccountId");
        if (account == null) {
            account = text(id, "accountId");
        }
        List<String> arns = new ArrayList<>();
        for (JsonNode res : r.path("resources")) {
            String arn = text(res, "ARN");
            if (arn == null) {
                arn = text(res, "arn");
            }
            if (arn != null && arns.size() < MAX_RESOURCES) {
                arns.add(arn);
            }
        }
        JsonNode params = r.get("requestParameters");
        boolean byService = "AwsServiceEvent".equals(text(r, "eventType"));
        return new ApiCall(
                "cloudtrail",
                file,
                line,
                servicePart(source),
                name,
                text(r, "awsRegion"),
                account,
                type,
                principal,
                roleArn,
                roleName,
                s == null ? null : s.sessionName,
                null,
                text(r, "errorCode"),
                params != null && params.isObject() ? params : null,
                arns,
                byService);
    }

    private static ApiCall telemetry(JsonNode r, String file, long line) throws BadRecord {
        JsonNode api = r.path("api");
        String service = text(api.path("service"), "name");
        String operation = text(api, "operation");
        if (service == null || operation == null) {
            throw new BadRecord(
                    "API Activity line without " + (service == null ? "api.service.name" : "api.operation"));
        }
        JsonNode fn = r.path("vigil").path("function");
        String function = text(fn, "name");
        if (function == null) {
            throw new BadRecord("API Activity line without vigil.function.name");
        }
        String region = text(r.path("cloud"), "region");
        String account = text(r.path("cloud").path("account"), "uid");
        String roleArn = text(r.path("actor").path("session"), "issuer");
        List<String> arns = new ArrayList<>();
        for (JsonNode res : r.path("resources")) {
            String uid = text(res, "uid");
            if (uid != null && uid.startsWith("arn:") && arns.size() < MAX_RESOURCES) {
                arns.add(uid);
            }
        }
        String error = text(api.path("response"), "error");
        if (error == null && r.path("status_id").asInt(1) == 2) {
            error = "Failure";
        }
        JsonNode params = api.path("request").get("data");
        return new ApiCall(
                "telemetry",
                file,
                line,
                servicePart(service),
                operation,
                region,
                account,
                "AssumedRole",
                null,
                roleArn,
                roleNameOf(roleArn),
                function,
                function,
                error,
                params != null && params.isObject() ? params : null,
                arns,
                false);
    }

    /** {@code s3.amazonaws.com} -> {@code s3}; a bare name is kept (lower case). */
    static String servicePart(String source) {
        String s = source.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith(".amazonaws.com")) {
            s = s.substring(0, s.length() - ".amazonaws.com".length());
        } else if (s.endsWith(".amazonaws.com.cn")) {
            s = s.substring(0, s.length() - ".amazonaws.com.cn".length());
        }
        return s;
    }

    /** The role name (last path segment) of a role ARN, or null. */
    static String roleNameOf(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        int i = roleArn.indexOf(":role/");
        if (i < 0) {
            return null;
        }
        String rest = roleArn.substring(i + 6);
        int slash = rest.lastIndexOf('/');
        return slash < 0 ? rest : rest.substring(slash + 1);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.isNull()) {
            return null;
        }
        String t = v.asText();
        return t.isEmpty() ? null : t;
    }

    /** The parts of an assumed-role session ARN {@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}. */
    private record Session(String roleName, String sessionName) {
        static Session of(String arn) {
            if (arn == null) {
                return null;
            }
            int i = arn.indexOf(":assumed-role/");
            if (i < 0) {
                return null;
            }
            String rest = arn.substring(i + ":assumed-role/".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return new Session(rest, null);
            }
            return new Session(rest.substring(0, slash), rest.substring(slash + 1));
        }
    }
}
