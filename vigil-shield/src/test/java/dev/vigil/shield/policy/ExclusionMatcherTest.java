package dev.vigil.shield.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExclusionMatcherTest {

    private static Policy policyWith(Exclusion... exclusions) {
        Policy d = Policy.defaults();
        return new Policy(
                d.mode(),
                Map.of(),
                List.of(exclusions),
                d.budgetMicros(),
                d.batchMode(),
                d.hygiene(),
                List.of(),
                d.telemetry(),
                "test");
    }

    private static Exclusion functions(String... globs) {
        return new Exclusion(List.of(globs), List.of(), List.of(), Set.of(), Set.of(), 0);
    }

    private static Exclusion locations(String... globs) {
        return new Exclusion(List.of(), List.of(globs), List.of(), Set.of(), Set.of(), 0);
    }

    private static Exclusion parameters(String... names) {
        return new Exclusion(List.of(), List.of(), List.of(names), Set.of(), Set.of(), 0);
    }

    private static Exclusion categories(String... ids) {
        return new Exclusion(List.of(), List.of(), List.of(), Set.of(ids), Set.of(), 0);
    }

    private static Exclusion rules(String... ids) {
        return new Exclusion(List.of(), List.of(), List.of(), Set.of(), Set.of(ids), 0);
    }

    private static boolean excluded(Policy p, String function, String location, String param, String cat, String rule) {
        return ExclusionMatcher.excluded(p, function, location, param, cat, rule);
    }

    @Test
    void no_exclusions_exclude_nothing() {
        assertThat(excluded(Policy.defaults(), "orders", "body.$.note", "note", "xss", "VGL-XSS-001"))
                .isFalse();
    }

    @Test
    void function_globs_match_the_function_name_case_sensitively() {
        Policy p = policyWith(functions("orders-*", "billing"));

        assertThat(excluded(p, "orders-prod", "q", "a", "xss", "R")).isTrue();
        assertThat(excluded(p, "billing", "q", "a", "xss", "R")).isTrue();
        assertThat(excluded(p, "billing-2", "q", "a", "xss", "R")).isFalse();
        assertThat(excluded(p, "Orders-prod", "q", "a", "xss", "R")).isFalse();
        assertThat(excluded(p, null, "q", "a", "xss", "R")).isFalse();
    }

    @Test
    void location_globs_match_the_location() {
        Policy p = policyWith(locations("body.$.comment", "headers.user-*"));

        assertThat(excluded(p, "f", "body.$.comment", "comment", "xss", "R")).isTrue();
        assertThat(excluded(p, "f", "headers.user-agent", "user-agent", "xss", "R"))
                .isTrue();
        assertThat(excluded(p, "f", "body.$.comment.text", "text", "xss", "R")).isFalse();
        assertThat(excluded(p, "f", "", "comment", "xss", "R")).isFalse();
    }

    @Test
    void parameters_match_exactly_ignoring_case() {
        Policy p = policyWith(parameters("note"));

        assertThat(excluded(p, "f", "body.$.Note", "NOTE", "xss", "R")).isTrue();
        assertThat(excluded(p, "f", "body.$.notes", "notes", "xss", "R")).isFalse();
        assertThat(excluded(p, "f", "body", "", "xss", "R")).isFalse();
        assertThat(excluded(p, "f", "body", null, "xss", "R")).isFalse();
    }

    @Test
    void categories_and_rules_match_exact_ids_ignoring_case() {
        assertThat(excluded(policyWith(categories("xss")), "f", "l", "p", "xss", "R"))
                .isTrue();
        assertThat(excluded(policyWith(categories("xss")), "f", "l", "p", "sqli", "R"))
                .isFalse();
        assertThat(excluded(policyWith(rules("VGL-XSS-002")), "f", "l", "p", "xss", "vgl-xss-002"))
                .isTrue();
        assertThat(excluded(policyWith(rules("VGL-XSS-002")), "f", "l", "p", "xss", "VGL-XSS-001"))
                .isFalse();
        assertThat(excluded(policyWith(rules("VGL-XSS-002")), "f", "l", "p", "xss", null))
                .isFalse();
    }

    @Test
    void every_non_empty_criterion_must_match() {
        Exclusion all = new Exclusion(
                List.of("orders-*"), List.of("body.$.*"), List.of("comment"), Set.of("xss"), Set.of("VGL-XSS-002"), 7);
        Policy p = policyWith(all);

        assertThat(excluded(p, "orders-api", "body.$.comment", "comment", "xss", "VGL-XSS-002"))
                .isTrue();
        assertThat(excluded(p, "users-api", "body.$.comment", "comment", "xss", "VGL-XSS-002"))
                .isFalse();
        assertThat(excluded(p, "orders-api", "query.comment", "comment", "xss", "VGL-XSS-002"))
                .isFalse();
        assertThat(excluded(p, "orders-api", "body.$.comment", "title", "xss", "VGL-XSS-002"))
                .isFalse();
        assertThat(excluded(p, "orders-api", "body.$.comment", "comment", "sqli", "VGL-XSS-002"))
                .isFalse();
        assertThat(excluded(p, "orders-api", "body.$.comment", "comment", "xss", "VGL-XSS-001"))
                .isFalse();
    }

    @Test
    void firstMatch_returns_the_first_applicable_exclusion() {
        Exclusion sqli = new Exclusion(List.of(), List.of(), List.of(), Set.of("sqli"), Set.of(), 3);
        Exclusion xssA = new Exclusion(List.of("a*"), List.of(), List.of(), Set.of("xss"), Set.of(), 5);
        Exclusion xssAny = new Exclusion(List.of(), List.of(), List.of(), Set.of("xss"), Set.of(), 9);
        List<Exclusion> list = List.of(sqli, xssA, xssAny);

        assertThat(ExclusionMatcher.firstMatch(list, "abc", "l", "p", "xss", "R"))
                .isSameAs(xssA);
        assertThat(ExclusionMatcher.firstMatch(list, "zzz", "l", "p", "xss", "R"))
                .isSameAs(xssAny);
        assertThat(ExclusionMatcher.firstMatch(list, "zzz", "l", "p", "ssrf", "R"))
                .isNull();
    }

    @Test
    void exclusions_loaded_from_yaml_match_as_documented() {
        Policy p = PolicyLoader.parse("""
                exclusions:
                  - functions: "orders-*"
                    locations: ["body.$.comment", "headers.user-agent"]
                    categories: xss
                  - rules: [VGL-SQLI-001]
                    parameters: [q, search]
                """, "vigil.yaml");

        assertThat(excluded(p, "orders-eu", "headers.user-agent", "user-agent", "xss", "VGL-XSS-009"))
                .isTrue();
        assertThat(excluded(p, "orders-eu", "headers.user-agent", "user-agent", "sqli", "VGL-SQLI-001"))
                .isFalse();
        assertThat(excluded(p, "any", "query.Search", "Search", "sqli", "VGL-SQLI-001"))
                .isTrue();
        assertThat(ExclusionMatcher.firstMatch(p.exclusions(), "any", "query.q", "q", "sqli", "VGL-SQLI-001")
                        .line())
                .isEqualTo(5);
    }
}
