package dev.vigil.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.InvalidRuleException;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldPath;
import dev.vigil.detect.event.JsonTreeEvent;
import dev.vigil.detect.event.LogSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectionItemsTest {

    static final String CT = """
            {"eventVersion":"1.08","eventTime":"2023-07-10T12:02:56Z","eventSource":"lambda.amazonaws.com",
             "eventName":"UpdateFunctionConfiguration20150331v2","awsRegion":"us-east-1",
             "sourceIPAddress":"203.0.113.7","userAgent":"aws-cli/2.13.0 Python/3.11.4",
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/aws:ec2-instance/i-0abc",
               "sessionContext":{"sessionIssuer":{"type":"Role","userName":"admin"}}},
             "requestParameters":{"functionName":"billing","layers":["arn:aws:lambda:us-east-1:1:layer:x:1"],
               "policy":{"Action":["s3:GetObject","s3:PutObject"]},"bucketPolicy":{"Status":"Suspended"}},
             "responseElements":null,"readOnly":false,"managementEvent":true,"recipientAccountId":"123456789012",
             "errorCodeCount":0,"statusCode":"403","duration":12.5,"tags":["prod","Admin"],
             "resources":[{"ARN":"arn:aws:s3:::b1"},{"ARN":"arn:aws:s3:::b2"}],
             "client.ip":"10.1.2.3","v6":"2001:db8::1","empty":"","cmd":"powershell -enc SQBFAFgA /c whoami",
             "blob":"SGVsbG8gSW52b2tlLU1pbWlrYXR6IHdvcmxk","wideText":"p\\u0000s\\u0000","who":"admin",
             "target":"Admin-Console","epoch":1688990576}
            """;

    static final Event EVENT = JsonTreeEvent.parse(CT, LogSource.AWS_CLOUDTRAIL);

    static EventPredicate item(String key, Object value) {
        return DetectionItems.field(key, value, MatchOptions.DEFAULTS);
    }

    static boolean matches(String key, Object value) {
        return item(key, value).test(EVENT);
    }

    static boolean matches(String key, Object value, String json) {
        return item(key, value).test(JsonTreeEvent.parse(json, LogSource.AWS_CLOUDTRAIL));
    }

    static void rejected(String key, Object value, String message) {
        assertThatThrownBy(() -> item(key, value))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining(message);
    }

    @Nested
    class PlainValues {
        @Test
        void equality_is_case_insensitive_and_whole_value() {
            assertThat(matches("eventSource", "LAMBDA.amazonaws.com")).isTrue();
            assertThat(matches("eventSource", "lambda.amazonaws")).isFalse();
            assertThat(matches("eventSource", "x.lambda.amazonaws.com")).isFalse();
        }

        @Test
        void list_is_or() {
            assertThat(matches("eventSource", List.of("s3.amazonaws.com", "lambda.amazonaws.com")))
                    .isTrue();
            assertThat(matches("eventSource", List.of("s3.amazonaws.com", "iam.amazonaws.com")))
                    .isFalse();
        }

        @Test
        void long_lists_use_the_hash_lookup_and_keep_other_tests() {
            List<Object> many = List.of("a", "b", "c", "d", "e", "lambda.AMAZONAWS.com");
            assertThat(matches("eventSource", many)).isTrue();
            assertThat(matches("eventSource", List.of("a", "b", "c", "d", "e", "lambda*")))
                    .isTrue();
            assertThat(matches("eventSource", List.of("a", "b", "c", "d", "e", "f")))
                    .isFalse();
        }

        @Test
        void wildcards_in_plain_values() {
            assertThat(matches("eventName", "Update*v2")).isTrue();
            assertThat(matches("eventName", "update?unctionConfiguration*")).isTrue();
            assertThat(matches("eventName", "Update*v3")).isFalse();
            assertThat(matches("awsRegion", "us-????-1")).isTrue();
            assertThat(matches("awsRegion", "us-???-1")).isFalse();
        }

        @Test
        void escaped_wildcards_are_literal() {
            String json = "{\"p\":\"C:\\\\Windows\\\\*.exe\",\"q\":\"what?\"}";
            assertThat(matches("p", "C:\\Windows\\\\\\*.exe", json)).isTrue();
            assertThat(matches("p", "C:\\Windows\\\\*.exe", json)).isTrue();
            assertThat(matches("p", "c:\\windows\\\\\\*.EXE", json)).isTrue();
            assertThat(matches("q", "what\\?", json)).isTrue();
            assertThat(matches("q", "wha\\?", json)).isFalse();
            assertThat(matches("q", "whats\\?", json)).isFalse();
        }

        @Test
        void dotted_fields_arrays_and_literal_dotted_keys() {
            assertThat(matches("userIdentity.sessionContext.sessionIssuer.type", "role"))
                    .isTrue();
            assertThat(matches("resources.ARN", "arn:aws:s3:::b2")).isTrue();
            assertThat(matches("tags", "admin")).isTrue();
            assertThat(matches("client.ip", "10.1.2.3")).isTrue();
        }

        @Test
        void empty_string_means_present_and_empty() {
            assertThat(matches("empty", "")).isTrue();
            assertThat(matches("eventName", "")).isFalse();
            assertThat(matches("missing", "")).isFalse();
            assertThat(matches("responseElements", "")).isFalse();
        }

        @Test
        void null_matches_missing_or_json_null() {
            assertThat(matches("errorCode", null)).isTrue();
            assertThat(matches("responseElements", null)).isTrue();
            assertThat(matches("eventName", null)).isFalse();
            assertThat(matches("empty", null)).isFalse();
            assertThat(matches("errorCode", List.of())).isTrue();
            assertThat(matches("eventName", List.of())).isFalse();
        }

        @Test
        void null_in_a_list_is_or_ed() {
            assertThat(matches("errorCode", Arrays.asList(null, "AccessDenied")))
                    .isTrue();
            assertThat(matches("errorCode", Arrays.asList(null, "AccessDenied"), "{\"errorCode\":\"AccessDenied\"}"))
                    .isTrue();
            assertThat(matches("errorCode", Arrays.asList(null, "AccessDenied"), "{\"errorCode\":\"Throttled\"}"))
                    .isFalse();
        }

        @Test
        void a_string_never_matches_json_null() {
            assertThat(matches("responseElements", "null")).isFalse();
            assertThat(matches("responseElements|contains", "*")).isFalse();
        }

        @Test
        void numbers_compare_numerically_across_types() {
            assertThat(matches("statusCode", 403)).isTrue();
            assertThat(matches("statusCode", 403.0)).isTrue();
            assertThat(matches("errorCodeCount", 0)).isTrue();
            assertThat(matches("errorCodeCount", 0L)).isTrue();
            assertThat(matches("duration", 12.5)).isTrue();
            assertThat(matches("statusCode", 404)).isFalse();
            assertThat(matches("readOnly", 0)).isFalse();
        }

        @Test
        void quoted_numbers_compare_as_text() {
            assertThat(matches("errorCodeCount", "0")).isTrue();
            assertThat(matches("statusCode", "403")).isTrue();
            assertThat(matches("duration", "12.5")).isTrue();
            assertThat(matches("duration", "12.50")).isFalse();
            assertThat(matches("n", "42", "{\"n\":42.0}")).isFalse();
            assertThat(matches("n", 42, "{\"n\":42.0}")).isTrue();
            assertThat(matches("n", 42, "{\"n\":\"42\"}")).isTrue();
            assertThat(matches("n", 42, "{\"n\":\"x42\"}")).isFalse();
        }

        @Test
        void large_integers_keep_precision_through_their_text() {
            assertThat(matches("recipientAccountId", 123456789012L)).isTrue();
            assertThat(matches("id", 9007199254740993L, "{\"id\":\"9007199254740993\"}"))
                    .isTrue();
        }

        @Test
        void booleans_compare_with_booleans_and_their_text() {
            assertThat(matches("readOnly", false)).isTrue();
            assertThat(matches("managementEvent", true)).isTrue();
            assertThat(matches("readOnly", true)).isFalse();
            assertThat(matches("b", true, "{\"b\":\"TRUE\"}")).isTrue();
            assertThat(matches("b", true, "{\"b\":1}")).isFalse();
            assertThat(matches("readOnly", "false")).isTrue();
        }

        @Test
        void values_of_other_types_are_rejected() {
            rejected("a", List.of(List.of("x")), "nested list");
            rejected("a", Map.of("k", "v"), "a map");
            rejected("a", new Object(), "where a value is expected");
        }
    }

    @Nested
    class CloudTrailCases {
        @Test
        void startswith_on_versioned_event_names() {
            assertThat(matches("eventName|startswith", "UpdateFunctionConfiguration"))
                    .isTrue();
            assertThat(matches("eventName", "UpdateFunctionConfiguration")).isFalse();
            assertThat(matches("eventName|startswith", "CreateFunction")).isFalse();
        }

        @Test
        void contains_star_means_present_with_a_value() {
            assertThat(matches("requestParameters.layers|contains", "*")).isTrue();
            assertThat(matches("requestParameters.functionName|contains", "*")).isTrue();
            assertThat(matches("empty|contains", "*")).isTrue();
            assertThat(matches("errorCode|contains", "*")).isFalse();
            assertThat(matches("responseElements|contains", "*")).isFalse();
        }

        @Test
        void objects_match_as_compact_json_text() {
            assertThat(matches("requestParameters|contains", "Suspended")).isTrue();
            assertThat(matches("requestParameters|contains|all", List.of("\"s3:GetObject\"", "\"s3:PutObject\"")))
                    .isTrue();
            assertThat(matches("requestParameters|contains|all", List.of("\"s3:GetObject\"", "\"s3:DeleteObject\"")))
                    .isFalse();
            assertThat(matches("requestParameters.policy.Action|contains", "\"s3:getobject\""))
                    .isTrue();
        }

        @Test
        void error_code_null_on_a_successful_call() {
            assertThat(matches("errorCode", null)).isTrue();
            assertThat(matches("errorCode", null, "{\"errorCode\":\"AccessDenied\"}"))
                    .isFalse();
        }
    }

    @Nested
    class StringModifiers {
        @Test
        void contains_startswith_endswith() {
            assertThat(matches("userAgent|contains", "CLI/2")).isTrue();
            assertThat(matches("userAgent|contains", "boto3")).isFalse();
            assertThat(matches("userAgent|startswith", "aws-cli")).isTrue();
            assertThat(matches("userAgent|startswith", "python")).isFalse();
            assertThat(matches("userAgent|endswith", "python/3.11.4")).isTrue();
            assertThat(matches("userAgent|endswith", "aws-cli")).isFalse();
            assertThat(matches("userAgent|contains", "cli*python")).isTrue();
            assertThat(matches("userAgent|startswith|endswith", "13.0")).isTrue();
        }

        @Test
        void all_is_and_and_may_use_different_array_elements() {
            assertThat(matches("userAgent|contains|all", List.of("aws-cli", "python")))
                    .isTrue();
            assertThat(matches("userAgent|contains|all", List.of("aws-cli", "boto")))
                    .isFalse();
            assertThat(matches("tags|all", List.of("prod", "admin"))).isTrue();
            assertThat(matches("tags|all", List.of("prod", "dev"))).isFalse();
            rejected("userAgent|contains|all", "aws-cli", "needs a list");
        }

        @Test
        void cased() {
            assertThat(matches("target|cased", "Admin-Console")).isTrue();
            assertThat(matches("target|cased", "admin-console")).isFalse();
            assertThat(matches("target|contains|cased", "Admin")).isTrue();
            assertThat(matches("target|contains|cased", "ADMIN")).isFalse();
            assertThat(matches("target|cased", "Admin-*")).isTrue();
            assertThat(matches("target|cased", "admin-*")).isFalse();
        }

        @Test
        void non_ascii_case_folds_per_unit() {
            assertThat(matches("n", "ÄRGER", "{\"n\":\"ärger\"}")).isTrue();
            assertThat(matches("n|contains", "ΣΟΦ", "{\"n\":\"σοφία\"}")).isTrue();
        }

        @Test
        void numbers_with_string_modifiers_use_their_text() {
            assertThat(matches("statusCode|startswith", 40)).isTrue();
            assertThat(matches("recipientAccountId|endswith", 9012)).isTrue();
            assertThat(matches("duration|contains", 2.5)).isTrue();
            assertThat(matches("errorCodeCount|contains", 1)).isFalse();
        }

        @Test
        void windash() {
            String dashes = "{\"cmd\":\"net user \\u2013add x\",\"cmd2\":\"tool /add\",\"cmd3\":\"a-add\"}";
            assertThat(matches("cmd|windash|contains", "-add", dashes)).isTrue();
            assertThat(matches("cmd2|windash|contains", "-add", dashes)).isTrue();
            assertThat(matches("cmd3|windash", "-add", dashes)).isFalse();
            assertThat(matches("cmd|contains", "-add", dashes)).isFalse();
            assertThat(matches("cmd|windash|contains|all", List.of("-enc", "/c")))
                    .isTrue();
            assertThat(matches("cmd|windash|contains|all", List.of("-enc", "-x")))
                    .isFalse();
        }

        @Test
        void base64_and_base64offset() {
            assertThat(matches("blob|base64offset|contains", "Invoke-Mimikatz")).isTrue();
            assertThat(matches("blob|base64offset|contains", "Invoke-Mimikatx")).isFalse();
            assertThat(matches("b", "Zm9vYmFy", "{\"b\":\"Zm9vYmFy\"}")).isTrue();
            assertThat(matches("b|base64", "foobar", "{\"b\":\"Zm9vYmFy\"}")).isTrue();
            assertThat(matches("b|base64", "foobaz", "{\"b\":\"Zm9vYmFy\"}")).isFalse();
            assertThat(matches("b|base64|contains", "foo", "{\"b\":\"xxZm9vyy\"}"))
                    .isTrue();
            rejected("b|contains|base64", "foo", "base64 cannot encode the wildcard");
            rejected("b|base64offset", "f*o", "base64offset cannot encode the wildcard");
        }

        @Test
        void wide_followed_by_base64() {
            // "IEX" in UTF-16LE, Base64: SQBFAFgA
            assertThat(matches("cmd|wide|base64offset|contains", "IEX")).isTrue();
            assertThat(matches("cmd|utf16le|base64offset|contains", "IEX")).isTrue();
            assertThat(matches("cmd|base64offset|contains", "IEX")).isFalse();
            assertThat(matches("b|utf16be|base64", "IE", "{\"b\":\"AEkARQ==\"}"))
                    .isTrue();
            assertThat(matches("b|utf16|base64", "IE", "{\"b\":\"//5JAEUA\"}")).isTrue();
        }

        @Test
        void bare_wide_compares_the_utf16_bytes_with_the_text_as_is() {
            assertThat(matches("wideText|wide", "ps")).isTrue();
            assertThat(matches("wideText|wide", "px")).isFalse();
            assertThat(matches("who|wide", "admin")).isFalse();
            rejected("a|wide|utf16", "x", "more than one of wide");
        }

        @Test
        void expand_uses_placeholders() {
            MatchOptions options = new MatchOptions(Map.of("admins", List.of("root", "adm*")), 4096);
            EventPredicate p = DetectionItems.field(
                    "userIdentity.sessionContext.sessionIssuer.userName|expand", "%admins%", options);
            assertThat(p.test(EVENT)).isTrue();
            EventPredicate q = DetectionItems.field(
                    "who|expand", "%admins%", new MatchOptions(Map.of("admins", List.of("root")), 4096));
            assertThat(q.test(EVENT)).isFalse();
            assertThatThrownBy(() -> DetectionItems.field("who|expand", "%admins%", MatchOptions.DEFAULTS))
                    .isInstanceOf(InvalidRuleException.class)
                    .hasMessageContaining("needs a value for placeholder %admins%");
            EventPredicate literal = DetectionItems.field("p|expand", "100\\%", options);
            assertThat(literal.test(JsonTreeEvent.parse("{\"p\":\"100%\"}", LogSource.UNKNOWN)))
                    .isTrue();
            assertThat(matches("p", "%admins%", "{\"p\":\"%ADMINS%\"}")).isTrue();
        }

        @Test
        void expansions_stay_or_ed_under_all() {
            MatchOptions options = new MatchOptions(Map.of("x", List.of("zzz", "aws-cli")), 4096);
            EventPredicate p = DetectionItems.field("userAgent|expand|contains|all", List.of("%x%", "python"), options);
            assertThat(p.test(EVENT)).isTrue();
        }
    }

    @Nested
    class OtherModifiers {
        @Test
        void exists() {
            assertThat(matches("eventName|exists", true)).isTrue();
            assertThat(matches("responseElements|exists", true)).isTrue();
            assertThat(matches("errorCode|exists", true)).isFalse();
            assertThat(matches("errorCode|exists", false)).isTrue();
            assertThat(matches("errorCode|exists", "no")).isTrue();
            assertThat(matches("eventName|exists", "yes")).isTrue();
            rejected("a|exists", "maybe", "needs true or false");
            rejected("a|exists", List.of(true), "needs one value");
            rejected("a|contains|exists", true, "must come first");
            rejected("a|exists|contains", true, "cannot be combined with 'exists'");
        }

        @Test
        void neq_negates_the_whole_item() {
            assertThat(matches("awsRegion|neq", "eu-west-1")).isTrue();
            assertThat(matches("awsRegion|neq", "us-east-1")).isFalse();
            assertThat(matches("awsRegion|neq", List.of("eu-west-1", "us-east-1")))
                    .isFalse();
            assertThat(matches("errorCode|neq", "AccessDenied")).isTrue();
            assertThat(matches("tags|neq", "prod")).isFalse();
            assertThat(matches("userAgent|contains|neq", "boto")).isTrue();
            assertThat(matches("statusCode|neq", 403)).isFalse();
            assertThat(matches("errorCode|neq", (Object) null)).isFalse();
            assertThat(matches("eventName|neq", (Object) null)).isTrue();
            assertThat(item("awsRegion|neq", "x").witness().isNone()).isTrue();
        }

        @Test
        void regex_is_an_unanchored_case_sensitive_search() {
            assertThat(matches("userIdentity.arn|re", ".+:assumed-role/aws:.+")).isTrue();
            assertThat(matches("userIdentity.arn|re", "assumed-role")).isTrue();
            assertThat(matches("userIdentity.arn|re", "ASSUMED-ROLE")).isFalse();
            assertThat(matches("userIdentity.arn|re|i", "ASSUMED-ROLE")).isTrue();
            assertThat(matches("userIdentity.arn|re|ignorecase", "^ARN:")).isTrue();
            assertThat(matches("userIdentity.arn|re", "(?i)^ARN:")).isTrue();
            assertThat(matches("userIdentity.arn|re", "^assumed")).isFalse();
            assertThat(matches("userIdentity.arn|re|contains", "assumed")).isTrue();
            assertThat(matches("responseElements|re", ".*")).isFalse();
        }

        @Test
        void regex_flags_multiline_and_dotall() {
            String json = "{\"m\":\"first\\nsecond\"}";
            assertThat(matches("m|re", "^second", json)).isFalse();
            assertThat(matches("m|re|m", "^second", json)).isTrue();
            assertThat(matches("m|re|multiline", "^second$", json)).isTrue();
            assertThat(matches("m|re", "first.second", json)).isFalse();
            assertThat(matches("m|re|s", "first.second", json)).isTrue();
            assertThat(matches("m|re|dotall", "first.second", json)).isTrue();
        }

        @Test
        void regex_rejections() {
            rejected("a|re", "(unclosed", "invalid regex '(unclosed' in 'a|re'");
            rejected("a|re", "(a)\\1", "invalid regex");
            rejected("a|contains|re", "x", "'re' must come first");
            rejected("a|i", "x", "needs 're'");
            rejected("a|re|base64", "x", "cannot be combined with 're'");
            assertThatThrownBy(() -> DetectionItems.field("a|re", "a".repeat(11), new MatchOptions(Map.of(), 10)))
                    .isInstanceOf(InvalidRuleException.class)
                    .hasMessageContaining("longer than 10");
        }

        @Test
        void cidr_v4_and_v6() {
            assertThat(matches("sourceIPAddress|cidr", "203.0.113.0/24")).isTrue();
            assertThat(matches("sourceIPAddress|cidr", "203.0.112.0/24")).isFalse();
            assertThat(matches("sourceIPAddress|cidr", List.of("10.0.0.0/8", "203.0.0.0/8")))
                    .isTrue();
            assertThat(matches("client.ip|cidr", "10.0.0.0/8")).isTrue();
            assertThat(matches("v6|cidr", "2001:db8::/32")).isTrue();
            assertThat(matches("v6|cidr", "2001:db9::/32")).isFalse();
            assertThat(matches("v6|cidr", "10.0.0.0/8")).isFalse();
            assertThat(matches("eventName|cidr", "0.0.0.0/0")).isFalse();
            assertThat(matches("sourceIPAddress|cidr", "0.0.0.0/0")).isTrue();
            assertThat(matches("sourceIPAddress|cidr|neq", "10.0.0.0/8")).isTrue();
            rejected("a|cidr", "10.0.0.0/33", "more than 32");
            rejected("a|cidr", "10.0.0/8", "not an IPv4 network");
            rejected("a|cidr", "10.0.0.1/8", "host bits");
            rejected("a|cidr", "2001:db8:::/32", "not an IPv6 network");
            rejected("a|cidr", 10, "not a network");
            rejected("a|contains|cidr", "10.0.0.0/8", "must come first");
            rejected("a|cidr|contains", "10.0.0.0/8", "cannot be combined with 'cidr'");
        }

        @Test
        void numeric_comparisons() {
            assertThat(matches("duration|gt", 12)).isTrue();
            assertThat(matches("duration|gt", 12.5)).isFalse();
            assertThat(matches("duration|gte", 12.5)).isTrue();
            assertThat(matches("duration|lt", 13)).isTrue();
            assertThat(matches("duration|lte", 12.4)).isFalse();
            assertThat(matches("statusCode|gte", 400)).isTrue();
            assertThat(matches("statusCode|lt", "500")).isTrue();
            assertThat(matches("eventName|gt", 0)).isFalse();
            assertThat(matches("missing|lt", 0)).isFalse();
            rejected("a|gt", "ten", "needs a number, not 'ten'");
            rejected("a|gt|lt", 1, "more than one of lt/lte/gt/gte");
            rejected("a|gt|contains", 1, "cannot be combined with 'gt'");
        }

        @Test
        void time_parts_in_utc() {
            assertThat(matches("eventTime|hour", 12)).isTrue();
            assertThat(matches("eventTime|hour", 13)).isFalse();
            assertThat(matches("eventTime|minute", 2)).isTrue();
            assertThat(matches("eventTime|day", 10)).isTrue();
            assertThat(matches("eventTime|week", 28)).isTrue();
            assertThat(matches("eventTime|month", 7)).isTrue();
            assertThat(matches("eventTime|year", 2023)).isTrue();
            assertThat(matches("eventTime|hour|gte", 9)).isTrue();
            assertThat(matches("eventTime|lt|hour", 9)).isFalse();
            assertThat(matches("epoch|hour", 12)).isTrue();
            assertThat(matches("t|hour", 10, "{\"t\":\"2023-07-10T12:02:56+02:00\"}"))
                    .isTrue();
            assertThat(matches("eventName|hour", 12)).isFalse();
            assertThat(matches("eventTime|hour|neq", 12)).isFalse();
            rejected("eventTime|hour|day", 1, "more than one time part");
            rejected("eventTime|hour", "noon", "needs a number");
            rejected("|hour", 1, "needs a field name");
        }

        @Test
        void fieldref() {
            assertThat(matches("who|fieldref", "userIdentity.sessionContext.sessionIssuer.userName"))
                    .isTrue();
            assertThat(matches("who|fieldref", "awsRegion")).isFalse();
            assertThat(matches("who|fieldref", "missing")).isFalse();
            assertThat(matches("target|fieldref|startswith", "who")).isTrue();
            assertThat(matches("target|fieldref|startswith|cased", "who")).isFalse();
            assertThat(matches("target|fieldref|contains", "who")).isTrue();
            assertThat(matches("target|fieldref|endswith", "who")).isFalse();
            assertThat(matches("target|fieldref|neq", "who")).isTrue();
            assertThat(matches("who|fieldref|neq", "userIdentity.sessionContext.sessionIssuer.userName"))
                    .isFalse();
            assertThat(matches(
                            "who|fieldref", List.of("awsRegion", "userIdentity.sessionContext.sessionIssuer.userName")))
                    .isTrue();
            assertThat(matches(
                            "who|fieldref|all",
                            List.of("awsRegion", "userIdentity.sessionContext.sessionIssuer.userName")))
                    .isFalse();
            assertThat(matches("responseElements|fieldref", "missing")).isFalse();
            rejected("a|fieldref", "b*", "cannot have wildcards");
            rejected("a|fieldref", 1, "needs field names");
            rejected("a|fieldref|base64", "b", "cannot be combined with 'fieldref'");
        }
    }

    @Nested
    class Keys {
        @ParameterizedTest
        @CsvSource(
                delimiter = ';',
                quoteCharacter = '"',
                value = {
                    "a|foo; unknown modifier 'foo' in 'a|foo'",
                    "a||contains; has an empty modifier",
                    "a|contains|contains; appears twice",
                    "a|Contains; unknown modifier 'Contains'",
                    "a|startswith|re; 're' must come first",
                })
        void invalid_keys_are_rejected(String key, String message) {
            rejected(key, "x", message);
        }

        @Test
        void null_values_take_no_modifiers_but_neq() {
            rejected("a|contains", null, "null in 'a|contains' cannot take modifier 'contains'");
            assertThat(matches("errorCode|neq", "x")).isTrue();
        }
    }

    @Nested
    class Keywords {
        @Test
        void keyword_is_a_case_insensitive_substring_of_any_leaf() {
            assertThat(DetectionItems.keywords(List.of("MIMIKATZ", "ec2-instance"), MatchOptions.DEFAULTS)
                            .test(EVENT))
                    .isTrue();
            assertThat(DetectionItems.keywords(List.of("mimikatz"), MatchOptions.DEFAULTS)
                            .test(EVENT))
                    .isFalse();
            assertThat(DetectionItems.keywords(List.of(12.5), MatchOptions.DEFAULTS)
                            .test(EVENT))
                    .isTrue();
            assertThat(DetectionItems.keywords(List.of("aws-cli*python"), MatchOptions.DEFAULTS)
                            .test(EVENT))
                    .isTrue();
            assertThat(DetectionItems.keywords(List.of("null"), MatchOptions.DEFAULTS)
                            .test(EVENT))
                    .isFalse();
        }

        @Test
        void keywords_with_modifiers() {
            assertThat(matches("|all", List.of("aws-cli", "billing"))).isTrue();
            assertThat(matches("|all", List.of("aws-cli", "mimikatz"))).isFalse();
            assertThat(matches("|contains", "BILLING")).isTrue();
            assertThat(matches("|startswith", "billing")).isTrue();
            assertThat(matches("|startswith", "illing")).isFalse();
            assertThat(matches("|cased", "BILLING")).isFalse();
            assertThat(matches("|re", "^bill")).isTrue();
            assertThat(matches("|base64offset|contains", "Invoke-Mimikatz")).isTrue();
            assertThat(item("|contains", "x").witness().isNone()).isTrue();
            rejected("|exists", true, "needs a field name");
            rejected("|fieldref", "a", "needs a field name");
            assertThatThrownBy(() -> DetectionItems.keywords(List.of(), MatchOptions.DEFAULTS))
                    .isInstanceOf(InvalidRuleException.class);
        }
    }

    @Nested
    class Witnesses {
        private final FieldPath name = FieldPath.of("eventName");

        @Test
        void plain_equality_promises_lower_case_values() {
            Witness w = item("eventName", List.of("DeleteBucket", "PutBucketPolicy"))
                    .witness();
            assertThat(w.field()).isEqualTo(name);
            assertThat(w.exact()).isEqualTo(Set.of("deletebucket", "putbucketpolicy"));
            assertThat(w.prefixes()).isEmpty();
        }

        @Test
        void startswith_and_leading_literals_promise_prefixes() {
            assertThat(item("eventName|startswith", "Update").witness().prefixes())
                    .containsExactly("update");
            assertThat(item("eventName", "Update*Config?").witness().prefixes()).containsExactly("update");
            Witness mixed = item("eventName", List.of("A", "B*")).witness();
            assertThat(mixed.exact()).containsExactly("a");
            assertThat(mixed.prefixes()).containsExactly("b");
        }

        @Test
        void all_promises_one_value() {
            Witness w = item("eventName|all", List.of("x*", "Y", "z?")).witness();
            assertThat(w.exact()).containsExactly("y");
        }

        @Test
        void nothing_is_promised_when_a_value_cannot_be_indexed() {
            for (Object[] c : new Object[][] {
                {"eventName|contains", "Delete"},
                {"eventName|endswith", "Delete"},
                {"eventName", List.of("A", "*b")},
                {"eventName", "?x"},
                {"eventName", 5},
                {"eventName", true},
                {"eventName", null},
                {"eventName", Arrays.asList(null, "x")},
                {"eventName|re", "x"},
                {"eventName|neq", "x"},
                {"eventName|exists", true},
                {"eventName|fieldref", "x"},
                {"eventName|cidr", "10.0.0.0/8"},
                {"eventName|gt", 1},
            }) {
                assertThat(item((String) c[0], c[1]).witness().isNone())
                        .as("%s", c[0])
                        .isTrue();
            }
        }

        @Test
        void cased_and_expanded_equalities_are_indexed_lower_case() {
            assertThat(item("eventName|cased", "DeleteBucket").witness().exact())
                    .containsExactly("deletebucket");
            assertThat(item("eventName|windash", "-a").witness().exact()).hasSize(5);
            assertThat(item("eventName|base64offset", "foobar").witness().exact())
                    .containsExactlyInAnyOrder("zm9vymfy", "zvb2jhc", "mb29iyx");
        }
    }

    @Test
    void to_string_names_the_key() {
        assertThat(item("eventName|contains", "x").toString()).contains("eventName|contains");
        assertThat(item("eventName|neq", "x").toString()).contains("eventName|neq");
    }
}
