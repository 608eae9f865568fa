package dev.vigil.shield.aws.events;

import static dev.vigil.shield.aws.events.Extracted.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.shield.inspect.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBodiesTest {

    private static List<Extracted> extract(String body, String contentType) {
        RecordingSink sink = new RecordingSink();
        HttpBodies.extract(body, contentType, "body", Source.BODY, -1, sink);
        return sink.values;
    }

    @Test
    void form_decodes_names_and_values_keeps_repeats_and_malformed_escapes() {
        List<Extracted> values =
                extract("a=1&a=2&b=x+y%2Bz&c=100%&flag&%24where=1", "application/x-www-form-urlencoded");

        assertThat(values)
                .containsExactly(
                        of("body", "a=1&a=2&b=x+y%2Bz&c=100%&flag&%24where=1", Source.BODY),
                        of("body.form.a", "1", Source.BODY),
                        of("body.form.a", "2", Source.BODY),
                        of("body.form.b", "x y+z", Source.BODY),
                        of("body.form.c", "100%", Source.BODY),
                        of("body.form.$where", "$where", Source.BODY),
                        of("body.form.$where", "1", Source.BODY));
    }

    @Test
    void form_stops_after_the_field_limit() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < HttpBodies.MAX_FORM_FIELDS + 50; i++) {
            body.append("f=v").append(i).append('&');
        }

        List<Extracted> values = extract(body.toString(), "application/x-www-form-urlencoded");

        assertThat(values).hasSize(1 + HttpBodies.MAX_FORM_FIELDS);
        assertThat(values.get(values.size() - 1).value()).isEqualTo("v" + (HttpBodies.MAX_FORM_FIELDS - 1));
    }

    @Test
    void multipart_with_quoted_boundary_and_bare_lf_line_ends_is_parsed() {
        String body = "--b1\nContent-Disposition: form-data; name=\"q\"\n\n<x>\n--b1\n"
                + "Content-Disposition: form-data; name=\"doc\"; filename=\"notes.txt\"\nContent-Type: text/plain\n\n"
                + "file text\n--b1--\n";

        List<Extracted> values = extract(body, "multipart/form-data; boundary=\"b1\"");

        assertThat(values)
                .containsExactly(
                        of("body", body, Source.BODY),
                        of("body.multipart.q", "<x>", Source.BODY),
                        of("body.multipart.doc.filename", "notes.txt", Source.BODY),
                        of("body.multipart.doc", "file text", Source.BODY));
    }

    @Test
    void multipart_reports_unusual_field_names_and_a_part_cut_off_before_its_closing_delimiter() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"user[name]\"\r\n\r\nmallory\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"tail\"\r\n\r\nunterminated";

        List<Extracted> values = extract(body, "multipart/form-data; charset=utf-8; boundary=XyZ");

        assertThat(values)
                .containsExactly(
                        of("body", body, Source.BODY),
                        of("body.multipart.user[name]", "user[name]", Source.BODY),
                        of("body.multipart.user[name]", "mallory", Source.BODY),
                        of("body.multipart.tail", "unterminated", Source.BODY));
    }

    @Test
    void multipart_without_boundary_reports_only_the_whole_body() {
        assertThat(extract("--a\r\n\r\nx\r\n--a--", "multipart/form-data"))
                .containsExactly(of("body", "--a\r\n\r\nx\r\n--a--", Source.BODY));
    }

    @Test
    void multipart_search_stays_linear_on_a_body_of_dashes() {
        // every position almost matches "--" + 69 dashes + "x": a naive search does 70 comparisons per character
        String boundary = "-".repeat(69) + "x";
        String body = "-".repeat(4_000_000);

        List<Extracted> values = assertTimeoutPreemptively(
                Duration.ofSeconds(5), () -> extract(body, "multipart/form-data; boundary=" + boundary));

        assertThat(values).extracting(Extracted::location).containsExactly("body");
        assertThat(DelimiterSearch.indexOf(body + "x", "---x", DelimiterSearch.table("---x"), 0))
                .isEqualTo(body.length() - 3);
    }

    @Test
    void multipart_stops_after_the_part_limit() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < HttpBodies.MAX_MULTIPART_PARTS + 10; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"p\"\r\n\r\nv")
                    .append(i)
                    .append("\r\n");
        }
        body.append("--b--\r\n");

        List<Extracted> values = extract(body.toString(), "multipart/form-data; boundary=b");

        assertThat(values).hasSize(1 + HttpBodies.MAX_MULTIPART_PARTS);
    }

    @Test
    void json_is_walked_by_content_type_or_by_its_first_character() {
        assertThat(extract("[\"a\", {\"b\": \"c\"}]", "text/plain"))
                .extracting(Extracted::location)
                .containsExactly("body", "body.$[0]", "body.$[1].b");
        assertThat(extract("\"just a string\"", "application/vnd.api+json"))
                .extracting(Extracted::location)
                .containsExactly("body", "body.$");
    }

    @Test
    void invalid_json_reports_only_the_whole_body() {
        assertThat(extract("{\"a\": ", "application/json")).containsExactly(of("body", "{\"a\": ", Source.BODY));
    }

    @Test
    void text_undoes_base64_and_keeps_text_that_is_not_base64() {
        String encoded = Base64.getEncoder().encodeToString("é=1".getBytes(StandardCharsets.UTF_8));

        assertThat(HttpBodies.text(encoded, true)).isEqualTo("é=1");
        assertThat(HttpBodies.text(encoded, false)).isEqualTo(encoded);
        assertThat(HttpBodies.text("not base64!", true)).isEqualTo("not base64!");
        assertThat(HttpBodies.bytes(null, true)).isEmpty();
        assertThat(HttpBodies.bytes("QUJD\r\nREVG", true)).isEqualTo("ABCDEF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void parameter_reads_quoted_values_with_separators_and_escapes() {
        String disposition = "form-data; name=\"a;b\"; filename=\"x\\\"y.txt\"";

        assertThat(HttpBodies.parameter(disposition, "name")).isEqualTo("a;b");
        assertThat(HttpBodies.parameter(disposition, "filename")).isEqualTo("x\"y.txt");
        assertThat(HttpBodies.parameter(disposition, "size")).isNull();
        assertThat(HttpBodies.parameter("multipart/form-data;boundary=abc ", "BOUNDARY"))
                .isEqualTo("abc");
    }
}
