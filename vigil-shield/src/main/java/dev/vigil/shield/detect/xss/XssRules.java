package dev.vigil.shield.detect.xss;

import dev.vigil.core.Severity;

/**
 * The rule ids of the XSS detector and the packing of one finding into a {@code long}, so the scanners report without
 * allocating: bits 48..55 hold the rule number (1-based), bits 24..47 the start offset and bits 0..23 the end offset.
 * Offsets are below 2^24 because scanning stops at {@link #MAX_SCAN} characters. Zero means "nothing found".
 */
final class XssRules {

    private XssRules() {}

    /** How many characters of a variant are scanned. */
    static final int MAX_SCAN = 64 * 1024;

    /** An executable or resource-loading tag ({@code script}, {@code iframe}, {@code object}, {@code base}...). */
    static final int TAG = 1;

    /** An event-handler attribute ({@code on*=}) inside a tag. */
    static final int HANDLER = 2;

    /** A script URL: {@code javascript:}, {@code vbscript:}, or a {@code data:} URL of an active type. */
    static final int SCRIPT_URL = 3;

    /** Script in CSS: {@code expression(}, {@code behavior:}, {@code -moz-binding}. */
    static final int STYLE = 4;

    /** An event handler injected from inside an attribute value: {@code " onmouseover=...}. */
    static final int ATTRIBUTE_BREAKOUT = 5;

    /** JavaScript that calls a dialog, eval-like sink or reads sensitive DOM state (string breakout, bare script). */
    static final int SCRIPT_CODE = 6;

    /** Client-side template injection ({@code {{constructor.constructor(...)()}}}). */
    static final int TEMPLATE = 7;

    static long finding(int rule, int start, int end) {
        int s = Math.max(0, start);
        int e = Math.max(s, end);
        return ((long) rule << 48) | ((long) (s & 0xFFFFFF) << 24) | (e & 0xFFFFFF);
    }

    static int rule(long f) {
        return (int) (f >>> 48) & 0xFF;
    }

    static int start(long f) {
        return (int) (f >>> 24) & 0xFFFFFF;
    }

    static int end(long f) {
        return (int) f & 0xFFFFFF;
    }

    static String id(int rule) {
        switch (rule) {
            case TAG:
                return "VGL-XSS-001";
            case HANDLER:
                return "VGL-XSS-002";
            case SCRIPT_URL:
                return "VGL-XSS-003";
            case STYLE:
                return "VGL-XSS-004";
            case ATTRIBUTE_BREAKOUT:
                return "VGL-XSS-005";
            case SCRIPT_CODE:
                return "VGL-XSS-006";
            default:
                return "VGL-XSS-007";
        }
    }

    static String title(int rule) {
        switch (rule) {
            case TAG:
                return "XSS: executable or resource-loading HTML tag";
            case HANDLER:
                return "XSS: event-handler attribute in an HTML tag";
            case SCRIPT_URL:
                return "XSS: script URL (javascript:, vbscript:, active data:)";
            case STYLE:
                return "XSS: script in CSS";
            case ATTRIBUTE_BREAKOUT:
                return "XSS: event handler injected from inside an attribute";
            case SCRIPT_CODE:
                return "XSS: JavaScript sink call or DOM access (string breakout)";
            default:
                return "XSS: client-side template injection";
        }
    }

    static Severity severity(int rule) {
        switch (rule) {
            case STYLE:
            case TEMPLATE:
            case SCRIPT_CODE:
                return Severity.MEDIUM;
            default:
                return Severity.HIGH;
        }
    }

    /** Higher is stronger; used to keep the strongest finding over all variants. */
    static int rank(int rule) {
        switch (rule) {
            case TAG:
            case HANDLER:
            case SCRIPT_URL:
                return 3;
            case ATTRIBUTE_BREAKOUT:
                return 2;
            default:
                return 1;
        }
    }
}
