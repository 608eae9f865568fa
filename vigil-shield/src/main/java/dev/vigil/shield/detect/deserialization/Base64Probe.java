package dev.vigil.shield.detect.deserialization;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Looks inside a run of base64 characters (standard or URL-safe alphabet) without knowing where the encoded data
 * starts: the run is decoded at the three bit offsets a byte boundary can have relative to its first character (0, 2
 * and 4 bits), so a fragment cut from the middle of a longer base64 text is read as well as a whole one.
 *
 * <p>What it finds, strongest first: a Java serialization stream header ({@code AC ED 00 05}) at any offset, also inside
 * a gzip member ({@code H4sI...}); a .NET BinaryFormatter header; a Python pickle that imports a command-running module;
 * and words that name process-spawning or gadget classes ({@code runtime}, {@code processbuilder},
 * {@code invokertransformer}...). At most {@value #MAX_CHARS} characters of a run are decoded.
 */
final class Base64Probe {

    static final int NONE = 0;
    static final int KEYWORD = 1;
    static final int FOREIGN_OBJECT = 2;
    static final int JAVA_STREAM = 3;

    /** Most characters of one run that are decoded. */
    static final int MAX_CHARS = 512;

    private static final int MAGIC = 0xACED0005;

    private Base64Probe() {}

    /** The value of a base64 character (both alphabets), or -1. */
    static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+' || c == '-') {
            return 62;
        }
        if (c == '/' || c == '_') {
            return 63;
        }
        return -1;
    }

    /** Longest run searched for keywords; longer runs are data (tokens, images, blobs) and are checked for headers. */
    static final int MAX_WORD_RUN = 64;

    /** Probes the base64 run {@code s[from, to)}. */
    static int probe(String s, int from, int to) {
        int len = to - from;
        if (len < 10 || len > MAX_WORD_RUN) {
            // too short for a keyword, or a data blob: look only for a stream header, at its character cores
            int core = magicCore(s, from, Math.min(to, from + MAX_CHARS));
            if (core >= 0 && scanShifts(s, core, Math.min(to, core + 12), false) == JAVA_STREAM) {
                return JAVA_STREAM;
            }
            if (len < 10) {
                return NONE;
            }
        }
        if (s.startsWith("H4sI", from) && gzipHoldsJavaStream(s, from, to)) {
            return JAVA_STREAM;
        }
        if (len >= 12 && s.startsWith("AAEAAAD/////", from)) {
            return FOREIGN_OBJECT; // .NET BinaryFormatter: 00 01 00 00 00 FF FF FF FF
        }
        boolean pickle = s.charAt(from) == 'g'
                && s.charAt(from + 1) == 'A'
                && s.charAt(from + 2) >= 'J'
                && s.charAt(from + 2) <= 'Z';
        if ((len > MAX_WORD_RUN || isIdentifierShaped(s, from, to)) && !pickle) {
            return NONE;
        }
        return scanShifts(s, from, Math.min(to, from + MAX_CHARS), pickle);
    }

    /**
     * Where a decoding window for a stream header starts: the header {@code AC ED 00 05} shows as {@code rO0AB},
     * {@code ?ztAA} or {@code ??s7QAF} at the three byte alignments. -1 when none of them occurs.
     */
    private static int magicCore(String s, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            char c = s.charAt(i);
            if (c == 'r' && s.startsWith("rO0AB", i)) {
                return i;
            }
            if (c == 'z' && s.startsWith("ztAA", i)) {
                return Math.max(from, i - 1);
            }
            if (c == 's' && s.startsWith("s7QAF", i)) {
                return Math.max(from, i - 2);
            }
        }
        return -1;
    }

    /**
     * Whether the run reads as a camel-case identifier or word ({@code numChildButtons}, {@code McDonald}): letters
     * only, each capital followed by at least two small letters. Base64 text almost never has that shape.
     */
    static boolean isIdentifierShaped(String s, int from, int to) {
        int sinceCapital = 2;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sinceCapital++;
            } else if (c >= 'A' && c <= 'Z' && sinceCapital >= 2) {
                sinceCapital = 0;
            } else {
                return false;
            }
        }
        return sinceCapital >= 2;
    }

    private static int scanShifts(String s, int from, int to, boolean pickle) {
        // each shift reads the run's bit stream from bit 0, 2 or 4, decoding on the fly (nothing is allocated unless a
        // letter run worth judging shows up)
        int chars = to - from;
        int best = NONE;
        for (int shift = 0; shift <= 4; shift += 2) {
            boolean pickleHere = pickle && shift == 0;
            int count = (chars * 6 - shift) / 8;
            int found = scanBytes(s, from, count, shift, pickleHere, null);
            if (found == JAVA_STREAM) {
                return JAVA_STREAM;
            }
            if (found == WORDS) {
                found = scanBytes(s, from, count, shift, pickleHere, new char[32]);
            }
            if (found > best) {
                best = found;
            }
        }
        return best;
    }

    /** Internal: the first pass saw a letter run long enough to be judged. */
    private static final int WORDS = -1;

    /**
     * Scans {@code count} bytes of the bit stream of the base64 characters from {@code from}, read from bit
     * {@code shift}. Without a {@code run} buffer it only looks for the stream header and reports {@link #WORDS} when a
     * letter run worth judging exists; with one it judges the runs.
     */
    private static int scanBytes(String s, int from, int count, int shift, boolean pickle, char[] run) {
        int window = 0;
        int runLength = 0;
        int best = NONE;
        boolean words = false;
        int minRun = pickle ? 2 : 7;
        int i = from;
        int acc = 0;
        int bits = 0;
        if (count > 0) {
            acc = value(s.charAt(i++)) & (0x3F >>> shift);
            bits = 6 - shift;
        }
        for (int k = 0; k <= count; k++) {
            if (k < count) {
                while (bits < 8) {
                    acc = acc << 6 | value(s.charAt(i++));
                    bits += 6;
                }
                bits -= 8;
                int b = acc >>> bits & 0xFF;
                acc &= (1 << bits) - 1;
                window = window << 8 | b;
                if (k >= 3 && window == MAGIC) {
                    return JAVA_STREAM;
                }
                char lower = b >= 'A' && b <= 'Z' ? (char) (b + 32) : (char) b;
                if ((lower >= 'a' && lower <= 'z') || (pickle && lower == '_')) {
                    if (run != null && runLength < run.length) {
                        run[runLength] = lower;
                    }
                    runLength++;
                    continue;
                }
            }
            if (runLength >= minRun) {
                if (run == null) {
                    words = true;
                } else if (pickle && runLength <= run.length && isPickleImport(run, runLength)) {
                    best = Math.max(best, FOREIGN_OBJECT);
                } else if (runLength >= 7 && hasKeyword(run, Math.min(runLength, run.length))) {
                    best = Math.max(best, KEYWORD);
                }
            }
            runLength = 0;
        }
        return run == null && words ? WORDS : best;
    }

    private static boolean isPickleImport(char[] run, int length) {
        switch (new String(run, 0, length)) {
            case "os":
            case "nt":
            case "posix":
            case "subprocess":
            case "system":
            case "popen":
            case "builtins":
            case "__builtin__":
            case "eval":
            case "exec":
            case "commands":
            case "pty":
                return true;
            default:
                return false;
        }
    }

    private static boolean hasKeyword(char[] run, int length) {
        String word = new String(run, 0, length);
        return word.contains("runtime")
                || word.contains("processbuilder")
                || word.contains("invokertransformer")
                || word.contains("instantiatetransformer")
                || word.contains("chainedtransformer")
                || word.contains("constanttransformer")
                || word.contains("clonetransformer")
                || word.contains("instantiatefactory")
                || word.contains("prototypeclonefactory")
                || word.contains("prototypeserializationfactory")
                || word.contains("forclosure")
                || word.contains("whileclosure")
                || word.contains("templatesimpl")
                || word.contains("jdbcrowsetimpl")
                || word.contains("scriptenginemanager")
                || word.contains("ysoserial");
    }

    /** Whether the gzip member in the run starts with a Java stream header; inflates only its first bytes. */
    private static boolean gzipHoldsJavaStream(String s, int from, int to) {
        int chars = Math.min(to - from, 344) & ~3;
        byte[] data = new byte[chars / 4 * 3];
        int acc = 0;
        int bits = 0;
        int out = 0;
        for (int i = from; i < from + chars; i++) {
            int v = value(s.charAt(i));
            if (v < 0) {
                break;
            }
            acc = (acc << 6 | v) & 0xFFFFF;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                data[out++] = (byte) (acc >>> bits);
            }
        }
        // gzip header: 1F 8B 08 flags mtime(4) xfl os, then optional extra, name, comment, header crc
        if (out < 18 || (data[0] & 0xFF) != 0x1F || (data[1] & 0xFF) != 0x8B || data[2] != 8) {
            return false;
        }
        int flags = data[3] & 0xFF;
        int p = 10;
        if ((flags & 4) != 0) {
            p += 2 + ((data[10] & 0xFF) | (data[11] & 0xFF) << 8);
        }
        for (int bit = 8; bit <= 16; bit <<= 1) {
            if ((flags & bit) != 0) {
                while (p < out && data[p] != 0) {
                    p++;
                }
                p++;
            }
        }
        if ((flags & 2) != 0) {
            p += 2;
        }
        if (p >= out) {
            return false;
        }
        byte[] head = new byte[4];
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data, p, out - p);
            int got = 0;
            for (int round = 0; round < 4 && got < 4; round++) {
                int r = inflater.inflate(head, got, 4 - got);
                if (r == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                    break;
                }
                got += r;
            }
            return got == 4 && (head[0] & 0xFF) == 0xAC && (head[1] & 0xFF) == 0xED && head[2] == 0 && head[3] == 5;
        } catch (DataFormatException | RuntimeException e) {
            return false;
        } finally {
            inflater.end();
        }
    }
}
