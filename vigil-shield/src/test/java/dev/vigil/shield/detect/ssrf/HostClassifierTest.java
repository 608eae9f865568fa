package dev.vigil.shield.detect.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostClassifierTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 2130706433",
        "127.1, 2130706433",
        "2130706433, 2130706433",
        "0x7f000001, 2130706433",
        "0x7f.1, 2130706433",
        "0177.0.0.1, 2130706433",
        "0177.0.0.01, 2130706433",
        "10.1, 167772161",
        "169.16689662, 2852039166",
        "7147006462, 2852039166",
        "0x41414141A9FEA9FE, 2852039166",
        "425.510.425.510, 2852039166"
    })
    void ipv4_forms(String literal, long expected) {
        long parsed = IpLiterals.parseIpv4(literal, 0, literal.length());
        assertThat(parsed & 0xFFFFFFFFL).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"example.com", "1e100.net", "abc", "1.2.3.4.5", "256.1.1.1.1", "0x", "..", "12a"})
    void not_ipv4(String literal) {
        long parsed = IpLiterals.parseIpv4(literal, 0, literal.length());
        if (parsed >= 0) {
            // "0x" is zero for inet_aton; everything else here is a name
            assertThat(literal).isEqualTo("0x");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'::1', 4",
        "'::', 4",
        "'fe80::1', 4",
        "'fd00:ec2::254', 5",
        "'::ffff:169.254.169.254', 5",
        "'::ffff:7f00:1', 4",
        "'64:ff9b::a9fe:a9fe', 5",
        "'2002:7f00:1::', 4",
        "'2001:db8::1', 1",
        "'[::1]', 4",
        "'fe80::1%eth0', 4",
        "'localhost.', 4",
        "'metadata.google.internal.', 5",
        "'10.0.0.1', 4",
        "'192.0.0.192', 5",
        "'100.64.1.1', 4",
        "'8.8.8.8', 1",
        "'010.010.010.010', 2",
        "'example.com', 0",
        "'foo.localtest.me', 4",
        "'x.burpcollaborator.net', 3",
        "'ｌｏｃａｌｈｏｓｔ', 4",
        "'①②⑦.⓪.⓪.①', 4",
        "'l\\o\\c\\a\\l\\h\\o\\s\\t', 4",
        "'%6c%6f%63%61%6c%68%6f%73%74', 4"
    })
    void classification(String host, int expected) {
        assertThat(HostClassifier.classify(host, 0, host.length())).isEqualTo(expected);
    }
}
