package dev.vigil.detect.event;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random JSON documents (unique keys per object) and field paths over a small key vocabulary. */
final class RandomJson {
    static final List<String> KEYS =
            List.of("a", "b", "c", "a.b", "b.c", "é", "k\u00e9y", "\u6f22", "x y", "", "tags", "A", "😀", "q\"t");

    private final Random random;

    RandomJson(long seed) {
        this.random = new Random(seed);
    }

    String document() {
        StringBuilder sb = new StringBuilder();
        object(sb, 0);
        return sb.toString();
    }

    FieldPath path() {
        int n = 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(KEYS.get(random.nextInt(KEYS.size())));
        }
        return FieldPath.of(sb.toString());
    }

    private void space(StringBuilder sb) {
        if (random.nextInt(6) == 0) {
            sb.append(" \n\t\r".charAt(random.nextInt(4)));
        }
    }

    private void value(StringBuilder sb, int depth) {
        int pick = random.nextInt(depth > 4 ? 6 : 9);
        switch (pick) {
            case 0, 1 -> string(sb, randomText());
            case 2 -> sb.append(number());
            case 3 -> sb.append(random.nextBoolean() ? "true" : "false");
            case 4 -> sb.append("null");
            case 5 -> string(sb, KEYS.get(random.nextInt(KEYS.size())));
            case 6, 7 -> object(sb, depth + 1);
            default -> array(sb, depth + 1);
        }
    }

    private void object(StringBuilder sb, int depth) {
        sb.append('{');
        space(sb);
        int n = random.nextInt(depth == 0 ? 8 : 5);
        Set<String> used = new HashSet<>();
        boolean first = true;
        for (int i = 0; i < n; i++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            if (!used.add(key)) {
                continue;
            }
            if (!first) {
                sb.append(',');
                space(sb);
            }
            first = false;
            string(sb, key);
            space(sb);
            sb.append(':');
            space(sb);
            value(sb, depth);
            space(sb);
        }
        sb.append('}');
    }

    private void array(StringBuilder sb, int depth) {
        sb.append('[');
        space(sb);
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
                space(sb);
            }
            value(sb, depth);
            space(sb);
        }
        sb.append(']');
    }

    private String number() {
        return switch (random.nextInt(7)) {
            case 0 -> Integer.toString(random.nextInt(1000) - 500);
            case 1 -> "0";
            case 2 -> "-0";
            case 3 -> random.nextInt(100) + "." + random.nextInt(100);
            case 4 -> random.nextInt(9) + 1 + "e" + (random.nextInt(20) - 10);
            case 5 -> "12345678901234567890";
            default -> "-" + random.nextInt(10) + ".5E+2";
        };
    }

    private String randomText() {
        String[] parts = {
            "x",
            "GetObject",
            "Ab",
            "s3:Put",
            "\u00c9t\u00e9",
            "\u00df",
            "\\n",
            "\\u0041",
            "\\ud800",
            "\\\"",
            "\\\\",
            "\\/",
            "😀",
            "\\t",
            "42",
            "-1.5",
            " ",
            "İ"
        };
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(parts[random.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string; {@code s} may already hold escapes (they are kept), quotes get escaped. */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                sb.append("\\\"");
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
