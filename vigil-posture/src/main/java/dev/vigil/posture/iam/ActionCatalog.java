package dev.vigil.posture.iam;

import java.util.List;
import java.util.Set;

/**
 * The AWS action catalogue (every service prefix, action, access level and resource ARN pattern), loaded from the
 * compact resource produced by {@code scripts/refresh-iam-catalog}. Placeholder until the IAM work package fills it.
 */
public final class ActionCatalog {

    /** IAM access levels, as the Service Authorization Reference names them. */
    public enum AccessLevel {
        LIST,
        READ,
        WRITE,
        PERMISSIONS_MANAGEMENT,
        TAGGING
    }

    private ActionCatalog() {}

    /** The catalogue shipped with Vigil (loaded once, lazily). */
    public static ActionCatalog builtIn() {
        return new ActionCatalog();
    }

    /** True when {@code action} ({@code service:Action}, any case) is a known action. */
    public boolean exists(String action) {
        return false;
    }

    /** Every known action matching an IAM pattern such as {@code s3:Get*} or {@code *}, in canonical case. */
    public Set<String> expand(String pattern) {
        return Set.of();
    }

    /** The access level of a known action, or null. */
    public AccessLevel accessLevel(String action) {
        return null;
    }

    /** ARN patterns of the resource types the action applies to (e.g. {@code arn:${Partition}:s3:::${BucketName}}). */
    public List<String> resourceArnPatterns(String action) {
        return List.of();
    }
}
