package dev.vigil.shield.detect.crlf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrlfInjectionDetectorTest {

    private final CrlfInjectionDetector detector = new CrlfInjectionDetector();

    private List<Detection> run(String value) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("query.q", "q", Source.QUERY, -1, Normalizer.variants(value)), found::add);
        return found;
    }

    private String rule(String value) {
        List<Detection> found = run(value);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).ruleId();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "en%0d%0aSet-Cookie: session=stolen",
                "home%0aLocation: https://attacker.example/",
                "x\r\nX-Forwarded-For: 10.0.0.1",
                "a%0D%0AContent-Length: 0",
                "a\\r\\nSet-Cookie: sid=1",
                "/path%E5%98%8A%E5%98%8DX-Injected-Header: 1",
                "%250d%250aSet-Cookie:a=b",
                "lang\nAccess-Control-Allow-Origin: *",
                "x%25250d%25250aSet-Cookie:a=b",
            })
    void forged_headers_are_found(String value) {
        assertThat(rule(value)).isEqualTo(LineBreaks.HEADER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x%0d%0aHTTP/1.1 200 OK",
                "x\r\n\r\n<html><body>owned</body></html>",
            })
    void response_splitting_is_found(String value) {
        assertThat(rule(value)).isEqualTo(LineBreaks.RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bob%0a2024-05-01T10:00:00Z INFO user=admin logged in",
                "bob\n[ERROR] disk full",
            })
    void forged_log_lines_are_found(String value) {
        assertThat(rule(value)).isEqualTo(LineBreaks.LOG);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "me@example.org\r\nRCPT TO:<victim@example.net>",
                "subject\r\nDATA\r\n",
                "x\r\nA1 LOGIN user pass",
            })
    void mail_and_imap_commands_are_found(String value) {
        assertThat(rule(value)).isEqualTo(LineBreaks.PROTOCOL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Meeting notes\nLocation: Room 5, second floor\nHost: Maria",
                "Dear team,\r\nNote: the build is green.\r\nThanks",
                "Line one\nline two\n\nline three",
                "Received: from mx.example.org\r\nContent-Type: text/plain\r\nSubject: hi",
                "2024-05-01T10:00:00Z INFO start\n2024-05-01T10:00:01Z INFO done",
                "Quit smoking\nData science course",
                "C:\\new\\readme.txt",
                "100% sure%0a",
                "\u4e0a\u6d77 Shanghai",
            })
    void ordinary_multi_line_text_is_not_flagged(String value) {
        assertThat(run(value)).isEmpty();
    }
}
