package dev.vigil.shield.detect.ssti;

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

class SstiDetectorTest {

    private final SstiDetector detector = new SstiDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("body.$.x", "x", Source.BODY, -1, Normalizer.variants(raw)), found::add);
        return found;
    }

    private String rule(String raw) {
        List<Detection> found = inspect(raw);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).ruleId();
    }

    @Test
    void id_and_category() {
        assertThat(detector.id()).isEqualTo("ssti");
        assertThat(detector.category()).isEqualTo("ssti");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // Jinja / Python object walks
                "{{ ().__class__.__bases__[0].__subclasses__() }}",
                "{{ lipsum.__globals__['os'].listdir('.') }}",
                "{{ self._TemplateReference__context.keys() }}",
                "{{ x|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
                "{{ ''|attr('mro') }}",
                "{{ items|map('system') }}",
                // Java EL, SpEL, OGNL
                "${''.getClass().forName('java.util.Date')}",
                "${T(java.lang.System).getenv()}",
                "*{T(java.lang.Math).random()}",
                "#{new java.util.Scanner('x').next()}",
                "%{(#a=@java.lang.System@getenv())}",
                "name=(#_memberAccess['allowStaticMethodAccess']=true)",
                "x=@java.lang.Thread@sleep(5000)",
                // Freemarker, Velocity, Smarty, ERB, Mako, Node
                "<#assign cls=\"freemarker.template.utility.ObjectConstructor\"?new()>",
                "${product.getClass().getProtectionDomain()}",
                "${\"x\"?api.getClass()}",
                "#set($c=$x.getClass())",
                "$req.getClass().forName('java.lang.Thread')",
                "{php}phpinfo();{/php}",
                "<%= `uname -a` %>",
                "<%= IO.popen('uname').readlines %>",
                "${os.popen('uname').read()}",
                "{{ process.mainModule.require('os') }}",
                "{{constructor.constructor('return 1')()}}",
                "%24%7BT(java.lang.System).exit(0)%7D",
                "${\"ls\".execute().text}",
                "#{ %x|uname| }",
                "${java.lang.Thread.sleep(1000)}",
                "{exec('uname')}",
                "{Foo::write('a.php',\"<?php echo 1; ?>\")}"
            })
    void code_execution_and_reflection(String payload) {
        assertThat(rule(payload)).isEqualTo(SstiDetector.RULE_EXEC);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{ config }}",
                "{{config.SECRET_KEY}}",
                "{{ request.environ }}",
                "{$smarty.now}",
                "{{ _self.env }}",
                "{{ dump() }}",
                "${self}",
                "%{#context['com.example.key']}",
                "${pageContext.request.serverName}"
            })
    void engine_internals(String payload) {
        assertThat(rule(payload)).isEqualTo(SstiDetector.RULE_INTERNALS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{{9*9}}",
                "${ 6 * 8 }",
                "#{4+4}",
                "<%= 12*12 %>",
                "{{3*'3'}}",
                "[[${2*2}]]",
                "${{8*8}}",
                "{{ 'abc'.upper() }}",
                "[(10*10)]",
                "{{= 5*5 }}",
                "@(6*7)"
            })
    void evaluation_probes(String payload) {
        assertThat(rule(payload)).isEqualTo(SstiDetector.RULE_PROBE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{% if 1 %}yes{% endif %}",
                "{%- for i in range(3) -%}x{%- endfor -%}",
                "<% unless done %>x<% end %>",
                "<#if user??>hi</#if>",
                "[#list 1..3 as i]${i}[/#list]",
                "#foreach($i in [1..3])$i#end"
            })
    void statements(String payload) {
        assertThat(rule(payload)).isEqualTo(SstiDetector.RULE_STATEMENT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hello {{name}}, your order is ready",
                "{{ user.first_name }} {{ user.last_name }}",
                "<%=title%>",
                "#{name}",
                "${HOME}/bin:${PATH}",
                "cost is $5 or $10.50",
                "#hashtag #blessed #summer2024",
                "# Heading\n\n* item one\n* item two",
                "a { color: red; } .b { margin: 0 }",
                "{\"price\":\"$12\",\"note\":\"#1 seller\"}",
                "{\"$set\": {\"name\": \"O'Brien\"}}",
                "[[Main Page]] and [[Help:Contents]]",
                "function f(){ return `${a}-${b}`; }",
                "{% $VIEWS|FORMAT:\"%D\" %} views",
                "Use {{ and }} to escape braces",
                "email me at jane.doe@example.com",
                "see http://example.com/#{section}",
                "select * from users where id = 7*7",
                "2*3 = 6 and 7 * 7 = 49",
                "${TM_USER_ID}",
                "{{> header}} {{! comment }}",
                "<% if you can read this, it is text",
                "[#1] first item",
                "I said $x.y is fine",
                "a{color:red} b{margin:0}",
                "function f(){return x}",
                "100%x faster",
                "-Dpath=${java.home}/lib and ${user.dir}"
            })
    void ordinary_text_is_not_flagged(String benign) {
        assertThat(inspect(benign)).isEmpty();
    }

    @Test
    void reports_one_detection_with_the_span_of_the_expression() {
        String raw = "name={{7*7}} and {{ config }}";
        List<Detection> found = inspect(raw);
        assertThat(found).hasSize(1);
        Detection d = found.get(0);
        assertThat(d.ruleId()).isEqualTo(SstiDetector.RULE_INTERNALS);
        assertThat(raw.substring(d.start(), d.end())).isEqualTo("{{ config }}");
    }

    @Test
    void unclosed_expressions_count_only_when_they_reach_code() {
        assertThat(inspect("{{7*7")).isEmpty();
        assertThat(rule("{{ ''.__class__.__mro__")).isEqualTo(SstiDetector.RULE_EXEC);
    }

    @Test
    void large_and_odd_inputs_do_not_throw() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("{{'\"${#{<%[#\ud800");
        }
        long t0 = System.nanoTime();
        inspect(sb.toString());
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
        assertThat(inspect("")).isEmpty();
        assertThat(inspect("{")).isEmpty();
        assertThat(inspect("$")).isEmpty();
        assertThat(inspect("<%")).isEmpty();
        assertThat(inspect("#set(")).isEmpty();
        assertThat(inspect("@a.b@")).isEmpty();
    }
}
