package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * A file name that a PHP server would run or load as a session: {@code shell.php}, {@code a.phtml}, {@code x.php5...},
 * {@code photo.php.jpg} (double extension), {@code /tmp/sess_<id>}. A plain {@code index.php} or {@code sess_<id>}
 * counts only where a file name is expected (a multipart file name, or a parameter or header whose name says file or
 * upload), since elsewhere it is an ordinary value (a page name, a session token). Anywhere else a PHP extension must
 * carry an upload-filter evasion (trailing dots or blanks, a blank after the dot, a second extension after it) and a
 * session file must come with a directory.
 */
final class UploadNames {

    static final String RULE = "VGL-CODE-008";

    private UploadNames() {}

    /** Whether the value at {@code location} with parameter/header {@code name} is an uploaded file's name. */
    static boolean isFileNameContext(String location, String name) {
        if (location != null && location.endsWith(".filename")) {
            return true;
        }
        if (name == null || name.isEmpty() || name.length() > 64) {
            return false;
        }
        String lower = AsciiText.lower(name);
        return lower.contains("file") || lower.contains("upload") || lower.contains("attach");
    }

    /**
     * The finding in {@code v}, or null. {@code fileNameContext}: the value is where a file name is expected.
     */
    static Detection judge(Variant v, boolean fileNameContext) {
        String s = v.text();
        int n = s.length();
        if (n == 0 || n > 255 || !hasCandidate(s)) {
            return null;
        }
        return judgeCandidate(v, fileNameContext);
    }

    /**
     * Like {@link #judge(Variant, boolean)} but works out the file-name context from {@code location} and
     * {@code name} only when the value holds a candidate, so most values pay for neither.
     */
    static Detection judge(Variant v, String location, String name) {
        String s = v.text();
        int n = s.length();
        if (n == 0 || n > 255 || !hasCandidate(s)) {
            return null;
        }
        return judgeCandidate(v, isFileNameContext(location, name));
    }

    private static Detection judgeCandidate(Variant v, boolean fileNameContext) {
        String s = v.text();
        int n = s.length();
        if (!fileNameContext && !isBareName(s)) {
            return null;
        }
        int base = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1;
        // sess_<session id>: PHP's session file
        if (AsciiText.regionMatchesLower(s, base, "sess_")) {
            int k = base + 5;
            while (k < n
                    && (AsciiText.isLetter(s.charAt(k))
                            || AsciiText.isDigit(s.charAt(k))
                            || s.charAt(k) == ','
                            || s.charAt(k) == '-')) {
                k++;
            }
            if (k == n && k - base - 5 >= 16 && (fileNameContext || base > 0)) {
                return new Detection(RULE, "PHP session file name", Severity.MEDIUM, v, base, n);
            }
        }
        // a PHP extension, as the last extension or before another one
        int dot = s.indexOf('.', base);
        while (dot >= 0) {
            int k = dot + 1;
            while (k < n && s.charAt(k) == ' ') {
                k++;
            }
            int w = k;
            while (w < n && (AsciiText.isLetter(s.charAt(w)) || AsciiText.isDigit(s.charAt(w)))) {
                w++;
            }
            if (w > k && isPhpExtension(AsciiText.lower(s.substring(k, w)))) {
                int t = w;
                while (t < n && (s.charAt(t) == '.' || s.charAt(t) == ' ')) {
                    t++;
                }
                boolean last = t == n;
                boolean evasion = k > dot + 1
                        || (last && t > w)
                        || (!last && s.charAt(w) == '.' && isPlainExtensionTail(s, w + 1));
                if ((last && fileNameContext) || evasion) {
                    return new Detection(RULE, "PHP script file name", Severity.MEDIUM, v, dot, w);
                }
            }
            dot = s.indexOf('.', dot + 1);
        }
        return null;
    }

    /** Whether {@code s} has a dot followed (after blanks) by p/P or i/I, or {@code sess_}: the quick prefilter. */
    private static boolean hasCandidate(String s) {
        int dot = s.indexOf('.');
        while (dot >= 0) {
            int k = dot + 1;
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            if (k < s.length()) {
                char c = AsciiText.lower(s.charAt(k));
                if (c == 'p' || c == 'i') {
                    return true;
                }
            }
            dot = s.indexOf('.', dot + 1);
        }
        int u = s.indexOf('_', 4);
        while (u >= 0) {
            if (AsciiText.regionMatchesLower(s, u - 4, "sess")) {
                return true;
            }
            u = s.indexOf('_', u + 1);
        }
        return false;
    }

    /** Whether {@code s} is one file name with an optional directory and no URL or query syntax. */
    private static boolean isBareName(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '?' || c == '=' || c == '&' || c == ':' || c == '@' || c == '<' || c == '"' || c == '\''
                    || c == '#') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPhpExtension(String ext) {
        if (ext.startsWith("php")) {
            for (int k = 3; k < ext.length(); k++) {
                if (!AsciiText.isDigit(ext.charAt(k)) && !(k == 3 && (ext.equals("phps") || ext.equals("phpt")))) {
                    return false;
                }
            }
            return true;
        }
        return ext.equals("phtml")
                || ext.equals("phar")
                || ext.equals("pht")
                || ext.equals("pgif")
                || ext.equals("inc");
    }

    private static boolean isPlainExtensionTail(String s, int from) {
        int n = s.length();
        int k = from;
        while (k < n && (AsciiText.isLetter(s.charAt(k)) || AsciiText.isDigit(s.charAt(k)))) {
            k++;
        }
        while (k < n && (s.charAt(k) == '.' || s.charAt(k) == ' ')) {
            k++;
        }
        return k == n && k > from;
    }
}
