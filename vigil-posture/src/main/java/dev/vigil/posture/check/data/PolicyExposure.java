package dev.vigil.posture.check.data;

import dev.vigil.posture.model.Principal;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a resource-policy statement opens access to everyone: {@code Allow} to {@code Principal: "*"} (or
 * {@code {AWS: "*"}}), or {@code Allow} with {@code NotPrincipal}, unless a condition pins the caller or the request
 * source to known values (the condition keys AWS's own public-access evaluation accepts, e.g. {@code aws:SourceArn},
 * {@code aws:SourceAccount}, {@code aws:PrincipalOrgID}, {@code aws:SourceVpce}, {@code aws:SourceIp}). A condition on
 * {@code aws:Referer}, {@code aws:SecureTransport} or a negated operator does not restrict who can call.
 */
final class PolicyExposure {
    private PolicyExposure() {}

    private static final Set<String> RESTRICTING_KEYS = Set.of(
            "aws:sourcearn",
            "aws:sourceaccount",
            "aws:sourceowner",
            "aws:sourcevpc",
            "aws:sourcevpce",
            "aws:sourceip",
            "aws:sourceorgid",
            "aws:sourceorgpaths",
            "aws:principalorgid",
            "aws:principalorgpaths",
            "aws:principalaccount",
            "aws:principalarn",
            "aws:principalservicename",
            "aws:userid",
            "aws:username",
            "kms:calleraccount",
            "s3:dataaccesspointaccount",
            "s3:dataaccesspointarn");

    /** True when the statement allows any principal and no condition restricts who or where from. */
    static boolean isPublic(Statement s) {
        return s.allow() && (isAnyone(s.principal()) || s.notPrincipal() != null) && !isRestricted(s.condition());
    }

    /** {@code "*"}, or a {@code AWS} (or {@code CanonicalUser}) value that is literally {@code *}. */
    static boolean isAnyone(Principal p) {
        if (p == null) {
            return false;
        }
        if (p.wildcard()) {
            return true;
        }
        for (var e : p.byType().entrySet()) {
            if (e.getKey().equals("AWS") || e.getKey().equals("CanonicalUser")) {
                for (Value v : e.getValue()) {
                    if (v.literal() && v.text().trim().equals("*")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when some condition fixes the caller's account/organisation/identity or the request's source. */
    static boolean isRestricted(Node condition) {
        if (!(condition instanceof MapNode ops)) {
            return false;
        }
        for (MapNode.Entry op : ops.entries()) {
            if (!restrictingOperator(op.key()) || !(op.value() instanceof MapNode keys)) {
                continue;
            }
            for (MapNode.Entry k : keys.entries()) {
                if (RESTRICTING_KEYS.contains(k.key().toLowerCase(Locale.ROOT)) && pinned(k.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Equality/match operators restrict; negated ones, {@code …IfExists}, {@code Null} and {@code Bool} do not. */
    private static boolean restrictingOperator(String name) {
        String op = name;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            op = op.substring(colon + 1);
        }
        op = op.toLowerCase(Locale.ROOT);
        return !op.endsWith("ifexists") && !op.contains("not") && !op.equals("null") && !op.equals("bool");
    }

    /** A value, or list of values, none of which is the bare wildcard. */
    private static boolean pinned(Node value) {
        List<Node> items = value instanceof SeqNode s ? s.items() : List.of(value);
        if (items.isEmpty()) {
            return false;
        }
        for (Node n : items) {
            String t = n.text();
            if (t != null
                    && (t.trim().equals("*")
                            || t.trim().equals("0.0.0.0/0")
                            || t.trim().equals("::/0"))) {
                return false;
            }
        }
        return true;
    }

    /** True for an {@code Allow} with {@code NotAction}: it grants every action except the listed ones. */
    static boolean allowsNotAction(Statement s) {
        return s.allow() && !s.notActions().isEmpty();
    }

    /** True for an {@code Allow} of {@code *} or {@code <service>:*}. */
    static boolean allowsAllActions(Statement s) {
        if (!s.allow()) {
            return false;
        }
        for (Value a : s.actions()) {
            if (a.literal()) {
                String t = a.text().trim();
                if (t.equals("*") || t.endsWith(":*")) {
                    return true;
                }
            }
        }
        return false;
    }
}
