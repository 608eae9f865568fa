package dev.vigil.shield.detect.deserialization;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Variant;
import java.util.List;

/**
 * Detects insecure-deserialization payloads and the class names they are built from: Java serialization streams (raw,
 * hex, base64 at any offset, gzip+base64), polymorphic JSON type keys naming dangerous classes ({@code @type},
 * {@code @class}, {@code @c}, {@code $type}), YAML global tags that construct classes, PHP serialized objects, .NET
 * BinaryFormatter and Python pickle payloads, and gadget or sensitive Java class names anywhere in a value. See
 * {@code docs/detectors/deserialization.md} for the rules.
 *
 * <p>Cost: one pass over each variant that tracks two kinds of runs (dotted names and base64 characters) and checks a
 * few marker characters; runs are judged only when a cheap shape test passes, and base64 runs are decoded only when
 * they mix upper and lower case, at most {@value Base64Probe#MAX_CHARS} characters each and {@value #MAX_DECODED}
 * characters per variant.
 */
public final class DeserializationDetector implements Detector {

    /** Rule: a Java serialization stream. */
    public static final String RULE_JAVA_STREAM = "VGL-DESER-001";

    /** Rule: a polymorphic type key naming a dangerous class. */
    public static final String RULE_TYPE_KEY = "VGL-DESER-002";

    /** Rule: a YAML or language-specific tag that constructs a class. */
    public static final String RULE_YAML_TAG = "VGL-DESER-003";

    /** Rule: a serialized object of another runtime (PHP, .NET BinaryFormatter, Python pickle). */
    public static final String RULE_FOREIGN_OBJECT = "VGL-DESER-004";

    /** Rule: a gadget-chain or process-spawning class named in the value. */
    public static final String RULE_GADGET_CLASS = "VGL-DESER-005";

    /** Rule: a class of a package that gadget chains use, named in the value. */
    public static final String RULE_SENSITIVE_CLASS = "VGL-DESER-006";

    /** Rule: base64 text that hides a gadget or process-spawning class name. */
    public static final String RULE_BASE64_KEYWORD = "VGL-DESER-007";

    /** Most base64 characters decoded per variant. */
    static final int MAX_DECODED = 8192;

    // finding codes, ordered by strength
    static final int NONE = 0;
    static final int BASE64_KEYWORD = 1;
    static final int SENSITIVE_CLASS = 2;
    static final int GADGET_CLASS = 3;
    static final int FOREIGN_OBJECT = 4;
    static final int YAML_TAG = 5;
    static final int TYPE_KEY = 6;
    static final int JAVA_STREAM = 7;

    @Override
    public String id() {
        return "deserialization";
    }

    @Override
    public String category() {
        return "deserialization";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        long best = 0;
        Variant bestVariant = null;
        List<Variant> variants = value.variants();
        for (int i = 0, count = variants.size(); i < count; i++) {
            Variant v = variants.get(i);
            long found = scan(v.text());
            if (code(found) > code(best)) {
                best = found;
                bestVariant = v;
                if (code(found) == JAVA_STREAM) {
                    break;
                }
            }
        }
        if (bestVariant == null) {
            return;
        }
        int start = (int) (best >>> 30 & 0x3FFFFFFFL);
        int end = (int) (best & 0x3FFFFFFFL);
        String rule;
        String title;
        Severity severity;
        switch (code(best)) {
            case JAVA_STREAM:
                rule = RULE_JAVA_STREAM;
                title = "Java serialized object stream";
                severity = Severity.CRITICAL;
                break;
            case TYPE_KEY:
                rule = RULE_TYPE_KEY;
                title = "Polymorphic type key names a dangerous class";
                severity = Severity.HIGH;
                break;
            case YAML_TAG:
                rule = RULE_YAML_TAG;
                title = "YAML tag constructs an arbitrary class";
                severity = Severity.HIGH;
                break;
            case FOREIGN_OBJECT:
                rule = RULE_FOREIGN_OBJECT;
                title = "Serialized object (PHP, .NET or Python pickle)";
                severity = Severity.HIGH;
                break;
            case GADGET_CLASS:
                rule = RULE_GADGET_CLASS;
                title = "Gadget-chain or process-spawning class named";
                severity = Severity.HIGH;
                break;
            case SENSITIVE_CLASS:
                rule = RULE_SENSITIVE_CLASS;
                title = "Class from a package used by gadget chains named";
                severity = Severity.MEDIUM;
                break;
            default:
                rule = RULE_BASE64_KEYWORD;
                title = "Base64 text hides a gadget class name";
                severity = Severity.MEDIUM;
                break;
        }
        sink.report(new Detection(rule, title, severity, bestVariant, start, end));
    }

    private static int code(long packed) {
        return (int) (packed >>> 60);
    }

    private static long pack(int code, int start, int end) {
        return (long) code << 60 | (long) start << 30 | end;
    }

    private static long better(long best, int code, int start, int end) {
        return code > code(best) ? pack(code, start, end) : best;
    }

    /** The strongest finding in {@code s}, packed as code, start and end; 0 when none. */
    static long scan(String s) {
        int n = Math.min(s.length(), 0x3FFFFFFF);
        int flags = classify(s, n);
        if (flags == 0) {
            return 0;
        }
        long best = markers(s, n, flags);
        if (code(best) == JAVA_STREAM) {
            return best;
        }
        if ((flags & F_BASE64) != 0) {
            long b64 = base64Runs(s, n);
            if (code(b64) == JAVA_STREAM) {
                return b64;
            }
            if (code(b64) > code(best)) {
                best = b64;
            }
        }
        if ((flags & F_DOT) != 0) {
            long names = dottedNames(s, n);
            if (code(names) > code(best)) {
                best = names;
            }
        }
        return best;
    }

    private static final int F_BASE64 = 1;
    private static final int F_DOT = 2;
    private static final int F_AT = 4;
    private static final int F_DOLLAR = 8;
    private static final int F_BANG = 16;
    private static final int F_COLON = 32;
    private static final int F_PERCENT = 64;
    private static final int F_AC = 128;
    private static final int F_HEX = 256;
    private static final int F_PICKLE = 512;

    /**
     * The prefilter: one pass over the characters, allocation-free, that notes which later searches can find anything. A flag is set only
     * where its search could start: a capital letter after a base64 character (a run mixing cases), {@code d0}, a dot between a name character and a letter, {@code @} or {@code $}
     * after a quote, {@code !} before {@code !} or a letter, {@code :} after {@code O} or {@code C}, {@code %a},
     * the byte 0xAC, a leading {@code c}. A value without any (most values) is done here.
     */
    private static int classify(String s, int n) {
        int flags = n > 1 && s.charAt(0) == 'c' ? F_PICKLE : 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                continue; // most characters: nothing to note
            }
            if (c >= 'A' && c <= 'Z') {
                // a capital after a base64 character: a run mixing cases may be there (Base64Probe judges it)
                if (i > 0 && Base64Probe.value(s.charAt(i - 1)) >= 0) {
                    flags |= F_BASE64;
                }
                continue;
            }
            if (c >= '0' && c <= '9') {
                // the hex header aced0005 (either case) has "d0"
                if (c == '0' && i > 0 && (s.charAt(i - 1) | 0x20) == 'd') {
                    flags |= F_HEX;
                }
                continue;
            }
            switch (c) {
                case '.':
                    if (i > 0 && i + 1 < n && isNameChar(s.charAt(i - 1)) && AsciiText.isLetter(s.charAt(i + 1))) {
                        flags |= F_DOT;
                    }
                    break;
                case '@':
                    if (i > 0 && isQuote(s.charAt(i - 1))) {
                        flags |= F_AT;
                    }
                    break;
                case '$':
                    if (i > 0 && isQuote(s.charAt(i - 1))) {
                        flags |= F_DOLLAR;
                    }
                    break;
                case '!':
                    if (i + 1 < n && (s.charAt(i + 1) == '!' || AsciiText.isLetter(s.charAt(i + 1)))) {
                        flags |= F_BANG;
                    }
                    break;
                case ':':
                    if (i > 0 && (s.charAt(i - 1) == 'O' || s.charAt(i - 1) == 'C')) {
                        flags |= F_COLON;
                    }
                    break;
                case '%':
                    if (i + 1 < n && (s.charAt(i + 1) | 0x20) == 'a') {
                        flags |= F_PERCENT;
                    }
                    break;
                case 0xAC:
                    flags |= F_AC;
                    break;
                default:
                    break;
            }
        }
        return flags;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    /** Raw and hex stream headers, type keys, YAML tags, PHP objects and pickles, each found by a vectorised search. */
    private static long markers(String s, int n, int flags) {
        int at;
        if ((flags & F_AC) != 0) {
            for (at = s.indexOf(0xAC); at >= 0 && at + 3 < n; at = s.indexOf(0xAC, at + 1)) {
                if (s.charAt(at + 1) == 0xED && s.charAt(at + 2) == 0 && s.charAt(at + 3) == 5) {
                    return pack(JAVA_STREAM, at, at + 4);
                }
            }
        }
        if ((flags & F_HEX) != 0) {
            at = indexOfEither(s, "aced0005", "ACED0005");
            if (at >= 0
                    && (at == 0 || !AsciiText.isWord(s.charAt(at - 1)))
                    && (at + 8 == n || isHexOrSpace(s.charAt(at + 8)))) {
                return pack(JAVA_STREAM, at, at + 8);
            }
        }
        if ((flags & F_PERCENT) != 0) {
            at = indexOfEither(s, "%ac%ed%00%05", "%AC%ED%00%05");
            if (at >= 0) {
                return pack(JAVA_STREAM, at, at + 12);
            }
        }
        if ((flags & F_AT) != 0) {
            for (at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
                int end = typeKeyEnd(s, at, n);
                if (end > 0) {
                    return pack(TYPE_KEY, at, end);
                }
            }
        }
        if ((flags & F_DOLLAR) != 0) {
            for (at = s.indexOf('$'); at >= 0; at = s.indexOf('$', at + 1)) {
                int end = typeKeyEnd(s, at, n);
                if (end > 0) {
                    return pack(TYPE_KEY, at, end);
                }
            }
        }
        if ((flags & F_BANG) != 0) {
            for (at = s.indexOf('!'); at >= 0; at = s.indexOf('!', at + 1)) {
                int end = yamlTagEnd(s, at, n);
                if (end > 0) {
                    return pack(YAML_TAG, at, end);
                }
            }
        }
        if ((flags & F_COLON) != 0) {
            for (at = s.indexOf(':', 1); at >= 0; at = s.indexOf(':', at + 1)) {
                char c = s.charAt(at - 1);
                if (c == 'O' || c == 'C') {
                    int end = phpObjectEnd(s, at - 1, n);
                    if (end > 0) {
                        return pack(FOREIGN_OBJECT, at - 1, end);
                    }
                }
            }
        }
        if ((flags & F_PICKLE) != 0) {
            int end = pickleGlobalEnd(s, n);
            if (end > 0) {
                return pack(FOREIGN_OBJECT, 0, end);
            }
        }
        return 0;
    }

    private static boolean isHexOrSpace(char c) {
        return AsciiText.isDigit(c)
                || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F')
                || AsciiText.isSpace(c)
                || c == '"'
                || c == '\''
                || c == '&'
                || c == ','
                || c == ';';
    }

    private static int indexOfEither(String s, String a, String b) {
        int i = s.indexOf(a);
        return i >= 0 ? i : s.indexOf(b);
    }

    /** Runs of base64 characters that mix cases, probed by {@link Base64Probe}. */
    private static long base64Runs(String s, int n) {
        long best = 0;
        int budget = MAX_DECODED;
        int start = -1;
        boolean upper = false;
        boolean lower = false;
        // camel-case words (each capital followed by two small letters, letters only) never hold anything Base64Probe
        // finds: every marker it looks for has a digit, a symbol or two capitals in a row
        boolean shaped = false;
        int sinceCapital = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : 0;
            int v = i < n ? Base64Probe.value(c) : -1;
            if (v >= 0) {
                if (start < 0) {
                    start = i;
                    upper = false;
                    lower = false;
                    shaped = true;
                    sinceCapital = 2;
                } else if (v < 26) {
                    upper = true;
                }
                lower |= v >= 26 && v < 52;
                if (v >= 26 && v < 52) {
                    sinceCapital++;
                } else if (v < 26 && sinceCapital >= 2) {
                    sinceCapital = 0;
                } else {
                    shaped = false;
                }
                continue;
            }
            if (shaped && sinceCapital >= 2) {
                start = -1;
                continue;
            }
            if (start >= 0 && upper && lower && i - start >= 6 && budget > 0) {
                budget -= Math.min(i - start, Base64Probe.MAX_CHARS);
                switch (Base64Probe.probe(s, start, i)) {
                    case Base64Probe.JAVA_STREAM:
                        return pack(JAVA_STREAM, start, i);
                    case Base64Probe.FOREIGN_OBJECT:
                        best = better(best, FOREIGN_OBJECT, start, i);
                        break;
                    case Base64Probe.KEYWORD:
                        best = better(best, BASE64_KEYWORD, start, i);
                        break;
                    default:
                        break;
                }
            }
            start = -1;
        }
        return best;
    }

    /** Dotted names (word characters and {@code $} joined by dots), found from their dots. */
    private static long dottedNames(String s, int n) {
        long best = 0;
        int done = 0;
        boolean javaSeen = false;
        for (int dot = s.indexOf('.');
                dot >= 0 && code(best) < GADGET_CLASS;
                dot = s.indexOf('.', Math.max(dot + 1, done))) {
            if (dot == 0 || dot + 1 >= n || !isNameChar(s.charAt(dot - 1)) || !AsciiText.isLetter(s.charAt(dot + 1))) {
                continue;
            }
            int start = dot - 1;
            int floor = Math.max(done, dot - 256);
            while (start > floor && (isNameChar(s.charAt(start - 1)) || isInnerDot(s, start - 1))) {
                start--;
            }
            int end = dot + 1;
            int dots = 1;
            int longest = 0;
            int segmentStart = start;
            int limit = Math.min(n, dot + 256);
            for (int j = start; j <= limit; j++) {
                char c = j < limit ? s.charAt(j) : 0;
                if (j < limit && isNameChar(c)) {
                    continue;
                }
                longest = Math.max(longest, j - segmentStart);
                segmentStart = j + 1;
                if (j < limit && c == '.' && j + 1 < n && AsciiText.isLetter(s.charAt(j + 1))) {
                    dots += j > dot ? 1 : 0;
                    continue;
                }
                end = j;
                break;
            }
            done = end;
            if (ClassNames.worthJudging(s, start, dots, longest) && !isStackFrame(s, end, n)) {
                int verdict = ClassNames.judge(s, start, end);
                if (verdict != ClassNames.GADGET && !javaSeen && isJavaRooted(s, start)) {
                    // a Java name elsewhere in the value makes a bare Runtime or ProcessBuilder a process reference
                    javaSeen = true;
                    if (hasWord(s, "runtime") || hasWord(s, "processbuilder")) {
                        verdict = ClassNames.GADGET;
                    }
                }
                if (verdict == ClassNames.GADGET) {
                    best = pack(GADGET_CLASS, start, end);
                } else if (verdict == ClassNames.PACKAGE) {
                    best = better(best, SENSITIVE_CLASS, start, end);
                }
            }
        }
        return best;
    }

    private static boolean isJavaRooted(String s, int start) {
        return AsciiText.regionMatchesLower(s, start, "java.") || AsciiText.regionMatchesLower(s, start, "javax.");
    }

    /** Whether {@code word} (lower case) occurs in {@code s} as a whole word, ignoring ASCII case. */
    private static boolean hasWord(String s, String word) {
        for (int at = AsciiText.indexOfIgnoreCase(s, word, 0);
                at >= 0;
                at = AsciiText.indexOfIgnoreCase(s, word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !AsciiText.isLetter(s.charAt(at - 1)))
                    && (end == s.length() || !AsciiText.isLetter(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return AsciiText.isWord(c) || c == '$';
    }

    private static boolean isInnerDot(String s, int i) {
        return s.charAt(i) == '.' && i > 0 && isNameChar(s.charAt(i - 1)) && AsciiText.isLetter(s.charAt(i + 1));
    }

    /** Whether the dotted name ending at {@code end} is a stack-trace frame, {@code x.y.Z.m(Z.java:12)}. */
    private static boolean isStackFrame(String s, int end, int n) {
        if (end >= n || s.charAt(end) != '(') {
            return false;
        }
        int limit = Math.min(n, end + 120);
        for (int j = end + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == ')') {
                return AsciiText.regionMatchesLower(s, j - 6, "source")
                        || AsciiText.regionMatchesLower(s, j - 6, "method")
                        || containsJavaLine(s, end + 1, j);
            }
        }
        return false;
    }

    private static boolean containsJavaLine(String s, int from, int to) {
        int at = s.indexOf(".java:", from);
        return at >= 0 && at < to;
    }

    /**
     * End of a polymorphic type key with a dangerous class, {@code "@type":"java.x.Y"}, starting at the {@code @} or
     * {@code $}; -1 when there is none.
     */
    private static int typeKeyEnd(String s, int at, int n) {
        if (at == 0 || at + 3 >= n) {
            return -1;
        }
        char quote = s.charAt(at - 1);
        if (quote != '"' && quote != '\'') {
            return -1;
        }
        int k = at + 1;
        int keyEnd;
        if (s.charAt(at) == '@') {
            if (s.startsWith("type", k)) {
                keyEnd = k + 4;
            } else if (s.startsWith("class", k)) {
                keyEnd = k + 5;
            } else if (s.charAt(k) == 'c') {
                keyEnd = k + 1;
            } else {
                return -1;
            }
        } else if (s.startsWith("type", k)) {
            keyEnd = k + 4;
        } else {
            return -1;
        }
        if (keyEnd >= n || s.charAt(keyEnd) != quote) {
            return -1;
        }
        int j = keyEnd + 1;
        while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == ':' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j >= n || (s.charAt(j) != '"' && s.charAt(j) != '\'')) {
            return -1;
        }
        char valueQuote = s.charAt(j);
        int from = j + 1;
        int limit = Math.min(n, from + 256);
        int to = from;
        while (to < limit && s.charAt(to) != valueQuote && s.charAt(to) != ',') {
            to++;
        }
        if (to == from) {
            return -1;
        }
        // a leading [ or L...; marks an array type in Java descriptors
        while (from < to && (s.charAt(from) == '[' || s.charAt(from) == ' ')) {
            from++;
        }
        if (from < to && s.charAt(from) == 'L' && s.charAt(to - 1) == ';') {
            from++;
            to--;
        }
        int verdict = ClassNames.judge(s, from, to);
        return verdict == ClassNames.NONE ? -1 : to;
    }

    /**
     * End of a YAML tag that constructs a class: {@code !!java.x.Y}, {@code !!python/object...},
     * {@code !ruby/object...}, {@code !!js/function}; -1 when there is none.
     */
    private static int yamlTagEnd(String s, int at, int n) {
        int j = at + 1;
        if (j < n && s.charAt(j) == '!') {
            j++;
        }
        int from = j;
        int dots = 0;
        int slashes = 0;
        int limit = Math.min(n, from + 256);
        while (j < limit) {
            char c = s.charAt(j);
            if (c == '.') {
                dots++;
            } else if (c == '/') {
                slashes++;
            } else if (!(AsciiText.isWord(c) || c == '$')) {
                break;
            }
            j++;
        }
        if (j - from < 3 || !AsciiText.isLetter(s.charAt(from))) {
            return -1;
        }
        if (slashes > 0) {
            return AsciiText.regionMatchesLower(s, from, "python/")
                            || AsciiText.regionMatchesLower(s, from, "ruby/")
                            || AsciiText.regionMatchesLower(s, from, "js/function")
                            || AsciiText.regionMatchesLower(s, from, "js/regexp")
                            || AsciiText.regionMatchesLower(s, from, "perl/")
                            || AsciiText.regionMatchesLower(s, from, "php/object")
                    ? j
                    : -1;
        }
        // a Java class tag needs the double bang and a qualified name whose segments start with letters
        return dots >= 1 && from == at + 2 && s.charAt(j - 1) != '.' ? j : -1;
    }

    /** End of a PHP serialized object header {@code O:8:"stdClass":1:{}, checking the name length; -1 if none. */
    private static int phpObjectEnd(String s, int at, int n) {
        int j = at + 1;
        if (j >= n || s.charAt(j) != ':') {
            return -1;
        }
        j++;
        int length = 0;
        int digits = 0;
        while (j < n && AsciiText.isDigit(s.charAt(j)) && digits < 4) {
            length = length * 10 + (s.charAt(j) - '0');
            digits++;
            j++;
        }
        if (digits == 0 || length == 0 || j + length + 3 >= n || s.charAt(j) != ':' || s.charAt(j + 1) != '"') {
            return -1;
        }
        int nameStart = j + 2;
        int nameEnd = nameStart + length;
        for (int k = nameStart; k < nameEnd; k++) {
            char c = s.charAt(k);
            if (!(AsciiText.isWord(c) || c == '\\')) {
                return -1;
            }
        }
        if (s.charAt(nameEnd) != '"' || s.charAt(nameEnd + 1) != ':') {
            return -1;
        }
        int k = nameEnd + 2;
        int count = 0;
        while (k < n && AsciiText.isDigit(s.charAt(k)) && count < 6) {
            k++;
            count++;
        }
        return count > 0 && k + 1 < n && s.charAt(k) == ':' && s.charAt(k + 1) == '{' ? k + 2 : -1;
    }

    /** End of a protocol-0 pickle GLOBAL of a command-running module at the start, {@code cos\nsystem\n}; else -1. */
    private static int pickleGlobalEnd(String s, int n) {
        int nl = s.indexOf('\n', 1);
        if (nl < 2 || nl > 16) {
            return -1;
        }
        switch (s.substring(1, nl)) {
            case "os":
            case "nt":
            case "posix":
            case "subprocess":
            case "builtins":
            case "__builtin__":
            case "commands":
            case "pty":
                break;
            default:
                return -1;
        }
        int next = nl + 1;
        int j = next;
        while (j < n && j - next < 32 && AsciiText.isWord(s.charAt(j))) {
            j++;
        }
        return j > next && j < n && s.charAt(j) == '\n' ? j + 1 : -1;
    }
}
