package dev.vigil.shield.detect.nosqli;

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

class NoSqlInjectionDetectorTest {

    private final NoSqlInjectionDetector detector = new NoSqlInjectionDetector();

    private List<Detection> run(String name, String value) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(
                new InspectedValue("query." + name, name, Source.QUERY, -1, Normalizer.variants(value)), found::add);
        return found;
    }

    private String rule(String value) {
        List<Detection> found = run("q", value);
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).ruleId();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "login[$gte]=",
                "pin[$nin][]=0000",
                "{\"token\": {\"$exists\": false}}",
                "{ \"age\" : { \"$lt\" : 200 } }",
                "{role: {$in: ['admin']}}",
                "x', $or: [{}, {'b':'b",
                "$elemMatch",
                "$where",
                "email%5B%24regex%5D=%5Ea",
                "{\"$expr\": {\"$function\": {}}}",
            })
    void operators_in_key_positions_are_found(String value) {
        assertThat(rule(value)).isEqualTo(NoSqlSyntax.OPERATOR);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\";return this.admin == true;//",
                "1; sleep(3000)",
                "' || this.secret.length > 0 || '",
                "x\"; while(1){}; var y=\"",
                "db.accounts.find({})",
                "\"; t=new Date(); do {} while(new Date() - t < 9000); //",
            })
    void javascript_for_where_clauses_is_found(String value) {
        assertThat(rule(value)).isEqualTo(NoSqlSyntax.JAVASCRIPT);
    }

    @Test
    void orm_lookups_in_names_are_found_traversal_stronger_than_single_field() {
        assertThat(rule("owner__email__endswith=x")).isEqualTo(NoSqlSyntax.ORM_LOOKUP);
        assertThat(rule("{\"secret__regex\": \"^a\"}")).isEqualTo(NoSqlSyntax.ORM_LOOKUP);
        List<Detection> inName = run("account__token__istartswith", "a");
        assertThat(inName).singleElement().satisfies(d -> assertThat(d.ruleId()).isEqualTo(NoSqlSyntax.ORM_LOOKUP));
        assertThat(run("price__gte", "10").get(0).severity()).isEqualTo(dev.vigil.core.Severity.LOW);
        assertThat(inName.get(0).severity()).isEqualTo(dev.vigil.core.Severity.MEDIUM);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Total: $45.00 (incl. $3.50 shipping)",
                "{\"price\": \"$12\", \"currency\": \"USD\"}",
                "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"$ref\": \"#/defs/a\"}",
                "{\"$type\": \"Shop.Order\", \"$id\": \"1\"}",
                "$top=10&$skip=20&$orderby=name",
                "Use $in and $nin carefully, says the MongoDB manual.",
                "Please return the item; thanks",
                "this.value is undefined in my handler",
                "we met in the __init__ discussion",
                "{\"comment\":\"filter with name__startswith works\"}",
                "city__in=Paris",
                "a__exact=1",
                "PHP: $where = 'id = 1';",
                "O'Brien",
                "select the price from $5 to $10",
                "db.example.com",
            })
    void benign_values_are_not_flagged(String value) {
        assertThat(run("q", value)).isEmpty();
    }
}
