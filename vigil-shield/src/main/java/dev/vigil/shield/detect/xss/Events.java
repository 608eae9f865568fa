package dev.vigil.shield.detect.xss;

import static dev.vigil.shield.detect.AsciiText.regionMatchesLower;

/**
 * Names of DOM event handlers (the part after {@code on}), from the HTML, DOM, SVG and CSS specifications plus the
 * legacy Internet Explorer ones attackers still use. Used only outside tags, where a bare {@code onfoo=} needs more
 * evidence than inside one: {@code online} and {@code offline} are left out on purpose (common words in parameters).
 */
final class Events {

    private Events() {}

    /** Whether {@code s[a,b)} (ASCII letters) names an event, ignoring case; vendor-prefixed names count. */
    static boolean isEvent(String s, int a, int b) {
        int n = b - a;
        if (n < 3 || n > 40) {
            return false;
        }
        if (regionMatchesLower(s, a, "webkit") || regionMatchesLower(s, a, "moz") || regionMatchesLower(s, a, "ms")) {
            return n >= 6;
        }
        switch (dev.vigil.shield.detect.AsciiText.lower(s.substring(a, b))) {
            case "abort":
            case "activate":
            case "afterprint":
            case "afterscriptexecute":
            case "animationcancel":
            case "animationend":
            case "animationiteration":
            case "animationstart":
            case "auxclick":
            case "beforeactivate":
            case "beforecopy":
            case "beforecut":
            case "beforedeactivate":
            case "beforeeditfocus":
            case "beforeinput":
            case "beforematch":
            case "beforepaste":
            case "beforeprint":
            case "beforescriptexecute":
            case "beforetoggle":
            case "beforeunload":
            case "begin":
            case "blur":
            case "bounce":
            case "cancel":
            case "canplay":
            case "canplaythrough":
            case "change":
            case "click":
            case "close":
            case "contextlost":
            case "contextmenu":
            case "contextrestored":
            case "copy":
            case "cuechange":
            case "cut":
            case "dblclick":
            case "deactivate":
            case "drag":
            case "dragend":
            case "dragenter":
            case "dragexit":
            case "dragleave":
            case "dragover":
            case "dragstart":
            case "drop":
            case "durationchange":
            case "emptied":
            case "end":
            case "ended":
            case "error":
            case "filterchange":
            case "finish":
            case "focus":
            case "focusin":
            case "focusout":
            case "formdata":
            case "fullscreenchange":
            case "fullscreenerror":
            case "gotpointercapture":
            case "hashchange":
            case "help":
            case "input":
            case "invalid":
            case "keydown":
            case "keypress":
            case "keyup":
            case "languagechange":
            case "layoutcomplete":
            case "load":
            case "loadeddata":
            case "loadedmetadata":
            case "loadend":
            case "loadstart":
            case "losecapture":
            case "lostpointercapture":
            case "message":
            case "messageerror":
            case "mousedown":
            case "mouseenter":
            case "mouseleave":
            case "mousemove":
            case "mouseout":
            case "mouseover":
            case "mouseup":
            case "mousewheel":
            case "move":
            case "moveend":
            case "movestart":
            case "pagehide":
            case "pageshow":
            case "paste":
            case "pause":
            case "play":
            case "playing":
            case "pointercancel":
            case "pointerdown":
            case "pointerenter":
            case "pointerleave":
            case "pointermove":
            case "pointerout":
            case "pointerover":
            case "pointerrawupdate":
            case "pointerup":
            case "popstate":
            case "progress":
            case "propertychange":
            case "ratechange":
            case "readystatechange":
            case "rejectionhandled":
            case "repeat":
            case "reset":
            case "resize":
            case "resizeend":
            case "resizestart":
            case "scroll":
            case "scrollend":
            case "search":
            case "securitypolicyviolation":
            case "seeked":
            case "seeking":
            case "select":
            case "selectionchange":
            case "selectstart":
            case "show":
            case "slotchange":
            case "stalled":
            case "start":
            case "storage":
            case "submit":
            case "suspend":
            case "timeupdate":
            case "toggle":
            case "touchcancel":
            case "touchend":
            case "touchmove":
            case "touchstart":
            case "transitioncancel":
            case "transitionend":
            case "transitionrun":
            case "transitionstart":
            case "unhandledrejection":
            case "unload":
            case "volumechange":
            case "waiting":
            case "wheel":
            case "zoom":
                return true;
            default:
                return false;
        }
    }
}
