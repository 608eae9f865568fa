package dev.vigil.shield.detect.codeinjection;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.detect.DetectionSink;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Variant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Finds code injection into PHP, Node.js, Perl, Ruby and Python: a language opener ({@value PhpSyntax#OPEN_TAG}), a
 * call of a known interpreter function with call syntax ({@value FunctionCalls#RULE}), PHP runtime access such as
 * superglobals, stream wrappers and variable functions ({@value PhpSyntax#PHP_RUNTIME}), a PHP serialized object
 * ({@value PhpSyntax#SERIALIZED}), Node.js runtime access ({@value ScriptSyntax#NODE}), Perl/Ruby/Python runtime
 * access ({@value ScriptSyntax#SCRIPT}), a {@code php.ini} directive ({@value PhpSyntax#INI}) and a PHP script or
 * session file name given for an upload ({@value UploadNames#RULE}).
 *
 * <p>A value that is one base64 token (16 to 4096 characters) decoding to printable text is judged once more in its
 * decoded form, since serialized-function markers and {@code require(...)} are often sent base64-encoded.
 */
public final class CodeInjectionDetector implements Detector {

    /** Longest base64 token decoded and judged again. */
    static final int MAX_BASE64 = 4096;

    @Override
    public String id() {
        return "code_injection";
    }

    @Override
    public String category() {
        return "code_injection";
    }

    @Override
    public void inspect(InspectedValue value, DetectionSink sink) {
        List<Variant> variants = value.variants();
        Detection weaker = null;
        int rawFlags = 0;
        for (int k = 0; k < variants.size(); k++) {
            Variant v = variants.get(k);
            long scan = Chars.scan(v.text());
            int flags = (int) scan;
            if (k == 0) {
                rawFlags = flags;
            }
            Detection d = judge(v, scan);
            if (d == null && !Chars.has(flags, Chars.NOT_BASE64) && (k == 0 || k == variants.size() - 1)) {
                d = base64(v);
            }
            if (d != null) {
                if (d.severity() == Severity.HIGH) {
                    sink.report(d);
                    return;
                }
                if (weaker == null) {
                    weaker = d;
                }
            }
        }
        if (weaker == null && !variants.isEmpty()) {
            String raw = variants.get(0).text();
            if (raw.length() <= 255 && Chars.has(rawFlags, Chars.DOT | Chars.UNDERSCORE)) {
                weaker = UploadNames.judge(variants.get(0), value.location(), value.name());
            }
        }
        if (weaker != null) {
            sink.report(weaker);
        }
    }

    /** The strongest finding in one variant, or null. */
    static Detection judge(Variant v) {
        return judge(v, Chars.scan(v.text()));
    }

    private static Detection judge(Variant v, long scan) {
        int flags = (int) scan;
        Detection script = ScriptSyntax.judge(v, flags, (int) (scan >>> 32));
        if (script != null) {
            return script;
        }
        Detection d = PhpSyntax.judge(v, flags);
        if (d != null && d.severity() == Severity.HIGH) {
            return d;
        }
        Detection best = d;
        if (Chars.has(flags, Chars.PAREN)) {
            Detection call = FunctionCalls.judge(v);
            if (call != null && call.severity() == Severity.HIGH) {
                return call;
            }
            if (best == null) {
                best = call;
            }
        }
        return best;
    }

    /** Judges the decoded form of a value that is a single base64 token. */
    private static Detection base64(Variant v) {
        String s = v.text();
        int n = s.length();
        if (n < 16 || n > MAX_BASE64 || !isBase64Token(s)) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (byte b : bytes) {
            if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7F) {
                return null; // binary: not hidden code
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Variant> decoded = Normalizer.variants(text);
        for (int k = 0; k < decoded.size(); k++) {
            Variant inner = decoded.get(k);
            Detection d = judge(inner);
            if (d != null) {
                Variant shown = new Variant(inner.text(), v.isRaw() ? "base64" : v.decoding() + "+base64");
                return new Detection(d.ruleId(), d.title() + " (base64)", d.severity(), shown, d.start(), d.end());
            }
        }
        return null;
    }

    private static boolean isBase64Token(String s) {
        int n = s.length();
        int pad = 0;
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '=') {
                pad++;
                if (pad > 2) {
                    return false;
                }
            } else if (pad > 0) {
                return false;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (!(c >= '0' && c <= '9') && c != '+' && c != '/') {
                return false;
            }
        }
        return lower && upper && n % 4 == 0;
    }
}
