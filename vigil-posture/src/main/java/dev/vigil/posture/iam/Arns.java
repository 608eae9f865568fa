package dev.vigil.posture.iam;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reasoning about resource ARNs written with IAM wildcards: whether a granted resource pattern can name a resource of
 * the type an action applies to, and whether it names only AWS-owned resources (account {@code aws}, e.g. AWS-managed
 * policies), which no customer can change.
 */
public final class Arns {
    private static final int MAX_LENGTH = 512;

    private Arns() {}

    /**
     * True when some string matches both IAM patterns ({@code *}, {@code ?} wildcards). A catalogue placeholder that
     * fills an ARN field ({@code ${Partition}:}, {@code ${Account}:}) matches any run of characters but {@code :}; one
     * in the resource part (object keys may hold colons) matches anything. Patterns longer than 512 characters are
     * assumed to intersect.
     */
    public static boolean intersects(String a, String b) {
        String x = placeholdersToFieldStars(a);
        String y = placeholdersToFieldStars(b);
        if (x.length() > MAX_LENGTH || y.length() > MAX_LENGTH) {
            return true;
        }
        int n = x.length();
        int m = y.length();
        boolean[] seen = new boolean[(n + 1) * (m + 1)];
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {0, 0});
        seen[0] = true;
        while (!todo.isEmpty()) {
            int[] s = todo.pop();
            int i = s[0];
            int j = s[1];
            if (i == n && j == m) {
                return true;
            }
            char ci = i < n ? x.charAt(i) : 0;
            char cj = j < m ? y.charAt(j) : 0;
            boolean si = ci == '*' || ci == FIELD_STAR;
            boolean sj = cj == '*' || cj == FIELD_STAR;
            // A star may match nothing.
            if (i < n && si) {
                visit(i + 1, j, m, seen, todo);
            }
            if (j < m && sj) {
                visit(i, j + 1, m, seen, todo);
            }
            if (i < n && j < m && compatible(ci, cj)) {
                // Consume one character both sides accept; a star stays where it is.
                visit(si ? i : i + 1, sj ? j : j + 1, m, seen, todo);
            }
        }
        return false;
    }

    /** Stands for a placeholder: any run of characters other than {@code :}. */
    private static final char FIELD_STAR = '\u0001';

    private static boolean compatible(char a, char b) {
        if (a == FIELD_STAR && b == FIELD_STAR) {
            return true;
        }
        if (a == FIELD_STAR || b == FIELD_STAR) {
            char other = a == FIELD_STAR ? b : a;
            return other != ':';
        }
        return a == '*' || b == '*' || a == '?' || b == '?' || a == b;
    }

    private static String placeholdersToFieldStars(String pattern) {
        if (pattern.indexOf("${") < 0) {
            return pattern;
        }
        StringBuilder b = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf("${", i);
            int end = start < 0 ? -1 : pattern.indexOf('}', start);
            if (start < 0 || end < 0) {
                b.append(pattern, i, pattern.length());
                break;
            }
            boolean field = end + 1 < pattern.length() && pattern.charAt(end + 1) == ':';
            b.append(pattern, i, start).append(field ? FIELD_STAR : '*');
            i = end + 1;
        }
        return b.toString();
    }

    private static void visit(int i, int j, int m, boolean[] seen, Deque<int[]> todo) {
        int k = i * (m + 1) + j;
        if (!seen[k]) {
            seen[k] = true;
            todo.push(new int[] {i, j});
        }
    }

    /** {@code arn:${Partition}:s3:::${BucketName}} becomes {@code arn:*:s3:::*}. */
    static String placeholdersToStars(String pattern) {
        return replacePlaceholders(pattern, '*');
    }

    private static String replacePlaceholders(String pattern, char star) {
        if (pattern.indexOf("${") < 0) {
            return pattern;
        }
        StringBuilder b = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf("${", i);
            if (start < 0) {
                b.append(pattern, i, pattern.length());
                break;
            }
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                b.append(pattern, i, pattern.length());
                break;
            }
            b.append(pattern, i, start).append(star);
            i = end + 1;
        }
        return b.toString();
    }

    /** True when the pattern names resources of the AWS-owned account {@code aws} only (e.g. AWS-managed policies). */
    public static boolean awsOwned(String pattern) {
        if (!pattern.startsWith("arn:")) {
            return false;
        }
        String[] parts = pattern.split(":", 6);
        return parts.length >= 5 && parts[4].equals("aws");
    }

    /**
     * True when every resource matching {@code inner} also matches {@code outer}, decided for the shapes that occur in
     * policies: {@code *}, equal patterns, and {@code prefix*} against a pattern with that prefix. Returns false when
     * unsure, so an uncertain Deny never hides a grant.
     */
    public static boolean covers(String outer, String inner) {
        if (outer.equals("*") || outer.equals(inner)) {
            return true;
        }
        int star = outer.indexOf('*');
        if (star == outer.length() - 1 && outer.indexOf('?') < 0) {
            String prefix = outer.substring(0, star);
            if (!inner.startsWith(prefix)) {
                return false;
            }
            return true;
        }
        return !Wildcard.hasWildcard(inner) && Wildcard.matches(outer, inner);
    }
}
