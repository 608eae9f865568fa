package dev.vigil.shield.detect.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsrfDetectorTest {

    private final SsrfDetector detector = new SsrfDetector();

    private List<Detection> inspect(String value, Source source, String name) {
        List<Detection> out = new ArrayList<>();
        detector.inspect(new InspectedValue("query.x", name, source, -1, Normalizer.variants(value)), out::add);
        return out;
    }

    private String rule(String value) {
        List<Detection> out = inspect(value, Source.QUERY, "target");
        assertThat(out).hasSizeLessThanOrEqualTo(1);
        return out.isEmpty() ? null : out.get(0).ruleId();
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("ssrf");
        assertThat(detector.category()).isEqualTo("ssrf");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/",
                "http://[fd00:ec2::254]/latest/",
                "http://metadata.google.internal/computeMetadata/v1/instance",
                "http://100.100.100.200/latest/meta-data/",
                "http://169.254.170.2/v2/credentials/abc",
                "http://0xa9fea9fe/",
                "http://2852039166/",
                "http://0251.0376.0251.0376/",
                "http://169.254.43518/",
                "http:2852039166",
                "http:/169.254.169.254",
                "http://[::ffff:a9fe:a9fe]/",
                "http://[0:0:0:0:0:ffff:169.254.169.254]/",
                "callback=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F",
                "http://10.0.0.7/latest/meta-data/iam/",
                "http://１６９．２５４．１６９．２５４/",
                "169.254.169.254",
                "http://425.510.425.510/"
            })
    void metadata_endpoints(String value) {
        assertThat(rule(value)).isEqualTo(SsrfDetector.METADATA);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/admin",
                "http://localhost/",
                "https://LOCALHOST:443",
                "http://127.1/",
                "http://0/",
                "http://0.0.0.0:22",
                "http://2130706433/",
                "http://0x7f000001/",
                "http://0x7f.1/",
                "http://0177.0.0.1/",
                "http://10.1/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fe80::1%25eth0]/",
                "http://[fc00::5]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:7f00:1]/",
                "http://192.168.0.10/router",
                "http://172.20.1.1/",
                "http://user@example.org@127.0.0.1/",
                "http://example.org#@127.0.0.1/",
                "http://127.0.0.1.nip.io/",
                "http://app.10.0.0.1.example.net/",
                "http://127-0-0-1.example.net/",
                "http://printer.internal/",
                "http://redis.default.svc.cluster.local:6379/",
                "http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/",
                "http://127。0。0。1/",
                "gopher://127.0.0.1:6379/_INFO",
                "go to http://localhost:3000 now",
                "localhost/",
                "localhost:6379",
                "host.docker.internal/",
                "10.0.0.5:8080",
                "//127.0.0.1/x",
                "[::1]/",
                "<a href=\"localhost/\"></a>",
                "{\"callback\": \"host.docker.internal:8080/hook\"}",
                "<target>localhost/</target>"
            })
    void internal_targets(String value) {
        assertThat(rule(value)).isEqualTo(SsrfDetector.INTERNAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "file://server/share/x",
                "FILE:/c:/windows/win.ini",
                "dict://example.org:11211/stat",
                "gopher://example.org/_GET",
                "ldap://example.org/o=x",
                "tftp://example.org/boot",
                "sftp://example.org/x",
                "jar:http://example.org/a.jar!/b",
                "netdoc:/etc/passwd",
                "php://filter/resource=index.php",
                "local_file:///etc/hosts",
                "next=file:///proc/self/environ",
                "data://text/plain;base64,SGVsbG8=",
                "zip://archive.zip#file.txt",
                "compress.zlib://file.gz"
            })
    void dangerous_schemes(String value) {
        assertThat(rule(value)).isEqualTo(SsrfDetector.SCHEME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.216.34/",
                "https://[2001:db8::1]/x",
                "http:123456789",
                "https://2001:db8:1::29/page"
            })
    void raw_ip_urls(String value) {
        assertThat(rule(value)).isEqualTo(SsrfDetector.IP_LITERAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://abc.oastify.com/", "http://x.rbndr.us/", "abcdef.nip.io"})
    void rebinding_services(String value) {
        assertThat(rule(value)).isEqualTo(SsrfDetector.REBIND);
    }

    @Test
    void remote_file_inclusion_shapes() {
        assertThat(rule("https://cdn.example.net/shell.txt?")).isEqualTo(SsrfDetector.RFI);
        assertThat(inspect("https://cdn.example.net/x.txt", Source.QUERY, "template_path"))
                .extracting(Detection::ruleId)
                .containsExactly(SsrfDetector.RFI);
        assertThat(rule("cfg[root_dir]=https://cdn.example.net/x.txt")).isEqualTo(SsrfDetector.RFI);
        assertThat(inspect("/proxy/https://example.org/", Source.PATH, ""))
                .extracting(Detection::ruleId)
                .containsExactly(SsrfDetector.RFI);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/x",
                "http://example.com:8080/path",
                "https://www.google.com/url?q=https://example.com/path/",
                "https://sns.eu-central-1.amazonaws.com/?Action=Unsubscribe",
                "arn:aws:s3:::my-bucket/key",
                "arn:aws:lambda:us-east-1:123456789012:function:demo",
                "127.0.0.1",
                "10.0.0.5",
                "192.0.2.1",
                "user@[192.168.1.1]",
                "metadata",
                "settings.local",
                "version 2.2.5.3",
                "O'Brien",
                "Meet at 10:30, room 4",
                "C:\\Users\\demo\\file.txt",
                "mailto:someone@example.com",
                "profile_url=https://example.com/me",
                "{\"loc\":\"https://shop.example.com/cart\",\"ref\":\"\"}",
                "see the file: report.pdf",
                "data:image/png;base64,iVBORw0KGgo=",
                "urn:isbn:0451450523",
                "Price: $12.50",
                "localhost is unreachable",
                "https://medium.com/@someone/post-1",
                "{\"host\": \"example.com\", \"ip\": \"10.0.0.5\", \"file\": \"app.local\"}",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"
            })
    void benign_values(String value) {
        assertThat(rule(value)).isNull();
    }

    @Test
    void reports_one_detection_with_a_span_in_the_variant() {
        List<Detection> out = inspect("see http://127.0.0.1/ and file:///etc/passwd", Source.BODY, "note");
        assertThat(out).hasSize(1);
        Detection d = out.get(0);
        assertThat(d.ruleId()).isEqualTo(SsrfDetector.INTERNAL);
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.variant().text().substring(d.start(), d.end())).startsWith("http://127.0.0.1");
    }
}
