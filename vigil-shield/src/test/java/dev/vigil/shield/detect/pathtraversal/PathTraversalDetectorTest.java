package dev.vigil.shield.detect.pathtraversal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathTraversalDetectorTest {

    private final PathTraversalDetector detector = new PathTraversalDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("query.f", "f", Source.QUERY, -1, Normalizer.variants(raw)), found::add);
        return found;
    }

    private Detection single(String raw) {
        List<Detection> found = inspect(raw);
        assertThat(found).as(raw).hasSize(1);
        return found.get(0);
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("path_traversal");
        assertThat(detector.category()).isEqualTo("path_traversal");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../home/alice/.ssh/id_ed25519",
                "..\\..\\..\\windows\\system.ini",
                "....//....//var/task/app.py",
                "%252e%252e%252fproc%252fself%252fcmdline",
                "\uff0e\uff0e\uff0f\uff0e\uff0e\uff0fetc\uff0fmotd",
                "..%5c..%5cinetpub%5cwwwroot%5cweb.config",
                "0x2e0x2e0x2f0x2e0x2e0x2fetc0x2fgroup",
                "..%c0%af..%c0%afetc%c0%afgshadow",
                "images/../../../../opt/extensions/config.yml",
                "report.pdf?name=../../../root/.bash_history",
                "..2f..2f..2fvar2flog2fsyslog",
                "http://intranet.local/static/../../../../etc/issue.net",
            })
    void climbing_to_a_sensitive_file_is_critical(String raw) {
        Detection d = single(raw);
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../../../../secret-notes.txt",
                "%2e%2e%2f%2e%2e%2fbackup/dump.txt",
                "..;/..;/manager/html",
                "x ../../../../../tmp2/a",
            })
    void escaping_without_a_known_target_is_high(String raw) {
        Detection d = single(raw);
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void a_single_climb_at_the_start_of_the_value_is_medium() {
        Detection d = single("../avatar.png");
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(d.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(d.start()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/proc/self/environ",
                "file:///etc/hostname",
                "C:\\boot.ini",
                "\\\\fileserver\\c$\\windows\\win.ini",
                "/home/deploy/.aws/credentials",
                "WEB-INF/web.xml",
                "/var/task/handler.js",
                "/var/log/nginx/access.log",
                "please send cat /etc/sudoers now",
                "C:\\Program Files\\Apache Group\\Apache2\\conf\\httpd.conf",
                "/Windows/System32/config/SAM",
                "/srv/app/.git/config",
                "file:///var/run/secrets/kubernetes.io/serviceaccount/token",
                "C:\\Windows\\Panther\\unattend.xml",
                "C:/Windows/System32/inetsrv/config/applicationHost.config",
            })
    void naming_a_sensitive_file_is_high(String raw) {
        Detection d = single(raw);
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-002");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "php://filter/convert.base64-encode/resource=index.php",
                "PHP://input",
                "expect://whoami",
                "phar://uploads/avatar.jpg/shell",
                "zip://archive.zip#shell.php",
                "data://text/plain;base64,SGVsbG8=",
                "compress.zlib://upload.gz",
                "convert.iconv.UTF8.UTF16|convert.base64-decode",
                "string.rot13",
            })
    void stream_wrappers_are_reported(String raw) {
        Detection d = single(raw);
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-003");
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void a_wrapper_reaching_a_sensitive_file_reports_the_stronger_finding() {
        Detection d = single("php://filter/resource=..%2f..%2f..%2fproc%2fself%2fenviron");
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/././././include.php", "//////{name}"})
    void truncation_padding_is_reported(String raw) {
        assertThat(single(raw).ruleId()).isEqualTo("VGL-PATH-004");
    }

    @Test
    void an_over_long_name_with_dots_is_truncation_padding() {
        assertThat(single("/" + "b".repeat(300) + "....").ruleId()).isEqualTo("VGL-PATH-004");
    }

    @Test
    void a_base64_encoded_path_is_decoded() {
        String encoded = Base64.getEncoder()
                .encodeToString("../../../../root/.bash_history".getBytes(StandardCharsets.US_ASCII));
        Detection d = single(encoded);
        assertThat(d.ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(d.variant().decoding()).isEqualTo("base64");
    }

    @Test
    void the_match_points_at_the_path_in_its_variant() {
        Detection d = single("name=x&file=%2e%2e%2f%2e%2e%2fetc%2fpasswd");
        String text = d.variant().text();
        assertThat(text.substring(d.start(), d.end())).isEqualTo("../../etc/passwd");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "images/a.png",
                "docs/../readme.md",
                "a/b/c/../../d.txt",
                "1.2..3",
                "version 2.0..2.5 is out",
                "wait... what?",
                "...",
                "\u2026",
                "note=..",
                "Hmm...",
                "2024-01-01",
                "12/31/2025",
                "https://example.com/docs/index.html",
                "https://example.com/a/b/../c",
                "https://example.com/tmp/notes",
                "Move the file to ../ and retry",
                "<a href=\"../\">up one level</a>",
                "C:\\Windows\\System32\\ls",
                "C:\\Users\\bob\\Documents\\report.docx",
                "my logs are in C:\\app\\logs\\error.log",
                "/api/v1/users/42",
                "/home",
                "/usr/share",
                "O'Brien",
                "select name from users where id = 4",
                "{\"price\": \"$12.50\", \"path\": \"$.items[0]\"}",
                "user@example.com",
                "at handler (/var/task/app.js:7:13)",
                "File \"/var/task/app.py\", line 12, in handler",
                "/.well-known/openid-configuration",
                "The /etc directory holds configuration",
                "php is fun, see http://php.net/manual",
                "data:image/png;base64,iVBORw0KGgo=",
                "apples, pears, etc.",
                "\"quoted \\\"text\\\" in JSON\"",
                "dGhpcyBpcyBqdXN0IHRleHQ=",
                "100% sure, 45% off",
                "convert the file to utf-8 first",
                "We use string.format and zlib in our code",
                "the .env file stays local",
                "",
            })
    void hard_negatives_are_not_reported(String raw) {
        assertThat(inspect(raw)).as(raw).isEmpty();
    }

    @Test
    void long_values_take_the_vectorised_path_with_the_same_result() {
        String prose = "This is a long comment about our directories and files, nothing to see here. ";
        assertThat(inspect(prose.repeat(3))).isEmpty();
        assertThat(single(prose + "file=../../../../etc/passwd").ruleId()).isEqualTo("VGL-PATH-001");
        assertThat(single(prose + "\uff0e\uff0e\u2215\uff0e\uff0e\u2215etc\u2215issue")
                        .ruleId())
                .isEqualTo("VGL-PATH-001");
        assertThat(single(prose + "..\u00c0\u00af..\u00c0\u00afboot.ini").ruleId())
                .isEqualTo("VGL-PATH-001");
    }

    @Test
    void never_throws_on_odd_text() {
        String[] odd = {
            "\ud800",
            "\udc00..\ud800/",
            "%",
            "%c0",
            "%c0%",
            "%%",
            "%u",
            "%uZZZZ",
            "0x",
            "0x2",
            "..",
            "/",
            "\\",
            ":",
            "c:",
            "file:",
            "php://",
            "\u00c0",
            "\u00c0%",
            "\u00e0\u0080",
            "\0\0\0",
            "a:b:c:d",
            "=",
            "==..",
        };
        for (String s : odd) {
            inspect(s);
            inspect(s + s + s);
        }
    }

    @Test
    void large_adversarial_values_stay_fast() {
        String[] units = {"../", "..%c0%af", "%%32%%65", "/./", "\u00c0\u00ae", "etc/", "a:", "%u2215", "....//"};
        for (String unit : units) {
            String big = unit.repeat(65536 / unit.length());
            InspectedValue value = new InspectedValue("body", "", Source.BODY, -1, Normalizer.variants(big));
            long t0 = System.nanoTime();
            detector.inspect(value, d -> {});
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as(unit).isLessThan(250);
        }
    }
}
