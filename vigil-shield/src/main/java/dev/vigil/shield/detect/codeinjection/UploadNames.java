package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.AsciiText;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.Variant;

/**
 * A file name that a PHP server would run or load as a session: {@code shell.php}, {@code a.phtml}, {@code x.php5...},
 * {@code photo.php.jpg} (double extension), {@code /tmp/sess_<id>}. Judged only for values that name an uploaded file
 * (a multipart file name, or a parameter or header whose name says file name), since a bare {@code index.php} is an
 * ordinary value elsewhere.
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
        return lower.contains("filename") || lower.contains("file-name") || lower.contains("file_name")
                || lower.contains("file.name");
    }

    static Detection judge(Variant v) {
        String s = v.text();
        int n = s.length();
        if (n == 0 || n > 512) {
            return null;
        }
        int base = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1;
        // sess_<session id>: PHP's session file
        if (AsciiText.regionMatchesLower(s, base, "sess_")) {
            int k = base + 5;
            while (k < n && (AsciiText.isLetter(s.charAt(k)) || AsciiText.isDigit(s.charAt(k)) || s.charAt(k) == ','
                    || s.charAt(k) == '-')) {
                k++;
            }
            if (k == n && k - base - 5 >= 16) {
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
                if (t == n || (s.charAt(w) == '.' && isPlainExtensionTail(s, w + 1))) {
                    return new Detection(RULE, "PHP script file name", Severity.MEDIUM, v, dot, w);
                }
            }
            dot = s.indexOf('.', dot + 1);
        }
        return null;
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
        return ext.equals("phtml") || ext.equals("phar") || ext.equals("pht") || ext.equals("pgif") || ext.equals("inc");
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
