package dev.vigil.shield.detect;

import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;

/**
 * What every detector's fuzz target checks: whatever the value (up to 64 KB, any characters, lone surrogates, NULs),
 * the detector returns without an exception, reports at most one detection, with a span inside its variant, and stays
 * fast. The time is the fastest of three runs, so class loading, Jazzer's instrumentation, a cold JIT or a garbage
 * collection on a busy machine do not count, while an input that is slow every time does.
 */
public final class DetectorFuzzing {

    /** The most any single inspection of a value of up to 64 KB may take, in milliseconds. */
    public static final long BOUND_MS = 250;

    /** The longest value the fuzz targets pass on. */
    public static final int MAX_CHARS = 65_536;

    private DetectorFuzzing() {}

    /** Checks {@code detector} on {@code raw} (cut to {@value #MAX_CHARS} characters) arriving from {@code source}. */
    public static void check(Detector detector, Source source, String raw) {
        check(detector, source, "x", raw);
    }

    /** The same, for a value of the parameter or field {@code name}. */
    public static void check(Detector detector, Source source, String name, String raw) {
        if (raw == null || name == null) {
            return;
        }
        String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        InspectedValue value = new InspectedValue(
                source.name().toLowerCase(java.util.Locale.ROOT) + "." + name,
                name,
                source,
                -1,
                Normalizer.variants(text));
        List<Detection> found = new ArrayList<>(2);
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && best > BOUND_MS; attempt++) {
            found.clear();
            long start = System.nanoTime();
            detector.inspect(value, found::add);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        if (best > BOUND_MS) {
            throw new AssertionError(detector.id() + " took " + best + " ms for " + text.length() + " chars");
        }
        if (found.size() > 1) {
            throw new AssertionError(detector.id() + " reported more than one detection: " + found);
        }
        for (Detection d : found) {
            if (d.start() < 0
                    || d.end() < d.start()
                    || d.end() > d.variant().text().length()) {
                throw new AssertionError(detector.id() + " reported a span outside its variant: " + d);
            }
        }
    }

    /** {@link #check(Detector, Source, String)} for a value in a request body. */
    public static void check(Detector detector, String raw) {
        check(detector, Source.BODY, raw);
    }

    /** {@code unit} repeated until the text is at least {@value #MAX_CHARS} characters long. */
    public static String repeated(String unit) {
        StringBuilder b = new StringBuilder(MAX_CHARS + unit.length());
        while (b.length() < MAX_CHARS) {
            b.append(unit);
        }
        return b.toString();
    }

    /** Checks {@code detector} on each unit repeated to {@value #MAX_CHARS} characters. */
    public static void checkRepeated(Detector detector, Source source, String... units) {
        for (String unit : units) {
            check(detector, source, repeated(unit));
        }
    }

    /** The pieces interleaved in a fixed pseudo-random order until the text is {@value #MAX_CHARS} characters long. */
    public static String interleaved(String[] pieces) {
        StringBuilder sb = new StringBuilder(MAX_CHARS + 64);
        int k = 0;
        while (sb.length() < MAX_CHARS) {
            sb.append(pieces[k % pieces.length]);
            k = k * 7 + 3 & 0xFFFF;
        }
        return sb.toString();
    }

    /** Repeated units that stress URL, lookup and markup scanners: openers without closers, nesting, odd hosts. */
    public static final String[] URL_LOOKUP_MARKUP_UNITS = {
        "${",
        "${${::-",
        "}",
        "$${",
        "%24%7b",
        "&lbrace",
        "http://",
        "a:",
        "a://@",
        "http://[",
        "1.",
        "0x",
        "<!",
        "<!ENTITY % a \"",
        "<!DOCTYPE a [",
        "%a;",
        "&a;",
        "+ADw",
        "<xs:",
        "\ud800",
        "\u0000",
        "\\\\",
        "http://a@b@c@d ",
        "localhost/",
        "①."
    };

    /** Pieces that stress template and serialisation scanners, for {@link #interleaved(String[])}. */
    public static final String[] TEMPLATE_AND_SERIALIZED_PIECES = {
        "{{",
        "{%",
        "${",
        "#{",
        "<%",
        "<#",
        "[#",
        "[[",
        "#set(",
        "$a.b(",
        "@a.b@c",
        "'",
        "\"",
        "\\",
        "(",
        "[",
        "rO0AB",
        "ztAA",
        "s7QAF",
        "H4sI",
        "gAS",
        "java.lang.",
        "\"@type\":\"",
        "!!a.b",
        "O:9:\"",
        "%ac%ed",
        "\u00ac\u00ed",
        "\ud800",
        "\u0000",
        "%",
        "&#x7b;",
        "aGVsbG8gV29ybGQh"
    };
}
