package dev.vigil.shield.detect.sqli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.shield.detect.Detection;
import dev.vigil.shield.inspect.InspectedValue;
import dev.vigil.shield.inspect.Normalizer;
import dev.vigil.shield.inspect.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqliDetectorTest {

    private final SqliDetector detector = new SqliDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("query.q", "q", Source.QUERY, -1, Normalizer.variants(raw)), found::add);
        return found;
    }

    private String rule(String raw) {
        List<Detection> found = inspect(raw);
        assertThat(found).as("detections for %s", raw).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0).ruleId();
    }

    @Test
    void id_and_category_are_sqli() {
        assertThat(detector.id()).isEqualTo("sqli");
        assertThat(detector.category()).isEqualTo("sqli");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            nobody' OR 'x'='x                                  | VGL-SQLI-001
            7 or 2=2                                           | VGL-SQLI-001
            "  OR ""=""                                        | VGL-SQLI-001
            42') or ('k'='k                                    | VGL-SQLI-001
            ' or true--                                        | VGL-SQLI-001
            5 AND 3>2                                          | VGL-SQLI-001
            99 having 4=4--                                    | VGL-SQLI-001
            ab' xor 'c'='c                                     | VGL-SQLI-001
            -3 UNION ALL SELECT name, pass FROM accounts--     | VGL-SQLI-002
            x' union select null,null#                         | VGL-SQLI-002
            8 /*!12345UNION*/ /*!12345SELECT*/ 1,2             | VGL-SQLI-002
            bob'; DROP TABLE members;--                        | VGL-SQLI-003
            3; exec master..xp_cmdshell 'dir'                  | VGL-SQLI-007
            q'; DECLARE @v varchar(99); SET @v='a'             | VGL-SQLI-003
            select password from staff where id=3              | VGL-SQLI-003
            root'--                                            | VGL-SQLI-004
            guest')#                                           | VGL-SQLI-004
            5 and sleep(7)                                     | VGL-SQLI-005
            1';waitfor delay '0:0:9'--                         | VGL-SQLI-003
            ')||pg_sleep(4)--                                  | VGL-SQLI-005
            9 and benchmark(900000,sha1('z'))                  | VGL-SQLI-005
            2 and extractvalue(7,concat(0x5c,version()))       | VGL-SQLI-006
            1' and updatexml(1,concat(0x2e,user()),1)-- -      | VGL-SQLI-006
            4 into outfile '/var/www/x.php'                    | VGL-SQLI-007
            ' union select load_file('/etc/hosts')--           | VGL-SQLI-007
            z' and ascii(substring(pwd,2,1))>77--              | VGL-SQLI-008
            6 and (select count(*) from tabs)>0                | VGL-SQLI-008
            t'||(select banner from v$version)||'              | VGL-SQLI-008
            3 order by 12--                                    | VGL-SQLI-009
            kk' group by col1 having 1=1--                     | VGL-SQLI-009
            """)
    void finds_each_shape(String payload, String ruleId) {
        assertThat(rule(payload)).isEqualTo(ruleId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1 or 1=1",
                "x' or 2>1 or 'q",
                "%27%20or%20%271%27%3D%271",
                "1+and+8=8",
                "a' /**/or/**/ 'b'='b",
                "abc'::text || (select current_user)--",
                "'; select pg_sleep(3)--",
                "1; shutdown--",
                "foo\" or \"\"=\"",
                "1) and 5=(select 5)#",
                "' AND 1=CONVERT(int,(SELECT @@version))--",
                "1 AND exp(~(select * from (select user())a))",
                "' || utl_inaddr.get_host_name((select user from dual))||'",
                "-1 union select 1,@@version,3",
                "' and 1=dbms_pipe.receive_message('x',9)--",
                "1' and randomblob(900000000)--",
                "x' AND ctxsys.drithsx.sn(1,(select user from dual))=1--",
                "1;select * from sysobjects",
                "me' and 0x61=0x61--",
                "1 and char(65)||char(66)='AB'",
                "OR '{\"k\":3}'::jsonb @> '{\"k\":3}'::jsonb",
                "OR '{\"k\":\"v\"}' ? 'k'",
                "id';SELECT x",
                "1' in boolean mode) and 77=77#",
                "iif(31=31,1,1/0)",
                "2 and (5)=(5)",
                "( 7 or 'q' )  --",
                "8 AND 3 NOT BETWEEN 0 AND 1",
                "k' DIV 'z",
                "ab'&(3)='ab",
                "7'*col-0-'0",
                "<b>x</b>' or 2=2--",
                "<p onclick=go()>' union select pass from users",
                "<i>bob</i>';shutdown",
            })
    void finds_dialect_variants(String payload) {
        assertThat(inspect(payload)).as(payload).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "O'Brien",
                "Dave O'Reilly-Smith",
                "It's 'red' or 'blue', isn't it?",
                "Please select one item from the list",
                "Select all that apply",
                "the union of two sets",
                "union was formed; members select a leader",
                "order by date",
                "I'd like to update my address",
                "Drop me a line at 5pm -- thanks!",
                "Rock 'n' roll & more",
                "1/2\" pipe -- 3 pack",
                "tea or coffee",
                "5' 11\"",
                "price: $4.99 (tax incl.)",
                "2024-01-31",
                "jane.doe+news@example.org",
                "https://www.example.com/search?q=select+tables&page=2",
                "{\"id\": 12, \"name\": \"A & B\", \"tags\": [\"x\", \"y\"]}",
                "{\"$set\": {\"total\": 7}}",
                "fn(a, b) = a + b",
                "if (x > 3) { y = 1; }",
                "SELECT * FROM is a SQL phrase",
                "We met at 3 or 4 pm",
                "Room #12, second floor",
                "exec summary",
                "1950's dresses",
                "C'est la vie -- bonne chance",
                "my name is 'foo'; and I like SQL",
                "sleep(8 hours) is healthy",
                "The drop table was broken; we replaced it",
                "Insert coin; select drink",
                "i'll be there at 5; call me",
                "The function sleep(2) pauses for two seconds.",
                "where id = 5",
                "1 OR 2",
                "(see page 12) or (page 14)",
                "price >= 10 and price <= 20",
                "key='abc' and value='def'",
                "The 'OR' operator",
                "\"Hello\" and \"Goodbye\" = songs",
                "The Union Select Committee met today",
                "SIZE 10' OR 12'",
                "Cheryl's \"GREATEST\" -- HITS",
                "Mother's Day /* special */",
                "email me at a.b@c.de; thanks",
                "It's 5 o'clock -- time for tea",
                "Sizes 2' - 3' wide",
                "10' * 12' rug",
                "A' OR 'B",
                "SLEEP(ING) BEAUTY",
                "12\" X 18\" -- FRAMED",
                "O'REILLY AUTO PARTS -- STORE #1234",
                "3/8\" OR 1/2\" DOWEL",
                "<div class=\"note\" onmouseover=\"showTip(this)\">hi</div>",
                "<span title='x'>see (below)</span>",
                "https://example.org/search?q=a=b(c)",
            })
    void ignores_ordinary_text(String text) {
        assertThat(inspect(text)).as(text).isEmpty();
    }

    @Test
    void reports_one_detection_with_the_variant_it_was_found_in() {
        List<Detection> found = inspect("1%27%20union%20select%20pass%20from%20users--");

        assertThat(found).hasSize(1);
        Detection d = found.get(0);
        assertThat(d.ruleId()).isEqualTo(SqliDetector.UNION);
        assertThat(d.variant().decoding()).isEqualTo("url");
        assertThat(d.start()).isBetween(0, d.end());
        assertThat(d.end()).isLessThanOrEqualTo(d.variant().text().length());
    }

    @Test
    void handles_empty_and_odd_input() {
        assertThat(inspect("")).isEmpty();
        assertThat(inspect("'")).isEmpty();
        assertThat(inspect("\"\"\"")).isEmpty();
        assertThat(inspect("\ud800' or 1=1--\udfff")).hasSize(1);
        assertThat(inspect("((((((((((((")).isEmpty();
    }

    @Test
    void stays_linear_on_large_values() {
        StringBuilder b = new StringBuilder();
        while (b.length() < 70_000) {
            b.append("'(/*x*/ or --\n\"a\"=1;");
        }
        long t0 = System.nanoTime();
        inspect(b.toString());
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    }
}
