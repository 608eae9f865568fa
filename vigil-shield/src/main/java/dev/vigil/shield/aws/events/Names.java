package dev.vigil.shield.aws.events;

/**
 * Rules for names (parameter names, header names, JSON keys): which ones are worth reporting as values, and how they
 * appear in locations.
 */
final class Names {

    /** Longest name kept in a location; longer names are cut and marked with {@code …}. */
    static final int MAX_SEGMENT = 128;

    private Names() {}

    /**
     * Whether {@code name} is a plain identifier ({@code [A-Za-z0-9_-]+}) that cannot carry a payload and is not one
     * of the prototype-pollution gadgets ({@code __proto__}, {@code constructor}, {@code prototype}). Names that are
     * not plain, such as {@code $where}, {@code a[b]} or {@code x.y}, are reported as values.
     */
    static boolean isPlain(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return !(name.contains("__proto__") || name.equals("constructor") || name.equals("prototype"));
    }

    /** Appends {@code name} as a location segment, cut to {@link #MAX_SEGMENT} characters. */
    static StringBuilder appendSegment(StringBuilder sb, String name) {
        if (name.length() <= MAX_SEGMENT) {
            return sb.append(name);
        }
        return sb.append(name, 0, MAX_SEGMENT).append('…');
    }

    /** {@code prefix.name}, with the name cut to {@link #MAX_SEGMENT} characters. */
    static String child(String prefix, String name) {
        if (name.length() <= MAX_SEGMENT) {
            return prefix + '.' + name;
        }
        return appendSegment(
                        new StringBuilder(prefix.length() + MAX_SEGMENT + 2)
                                .append(prefix)
                                .append('.'),
                        name)
                .toString();
    }

    /** ASCII lower case without allocating when the text is already lower case. */
    static String lower(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] chars = s.toCharArray();
                for (int j = i; j < n; j++) {
                    char d = chars[j];
                    if (d >= 'A' && d <= 'Z') {
                        chars[j] = (char) (d + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return s;
    }
}
