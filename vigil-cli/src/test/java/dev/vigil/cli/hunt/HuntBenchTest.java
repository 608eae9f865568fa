package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.bench.CloudTrailCorpus;
import dev.vigil.cli.bench.HuntBench;
import dev.vigil.detect.rule.Level;
import dev.vigil.detect.rule.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuntBenchTest {
    @TempDir
    Path dir;

    private static Path seed() throws URISyntaxException {
        return Path.of(HuntBenchTest.class.getResource("/hunt/seed").toURI());
    }

    private static List<JsonNode> read(Path gz) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                out.add(Fixtures.MAPPER.readTree(line));
            }
        }
        return out;
    }

    @Test
    void templates_come_from_records_documents_and_lines_with_an_event_name() throws Exception {
        List<ObjectNode> t = CloudTrailCorpus.loadTemplates(seed());
        assertThat(t)
                .extracting(n -> n.get("eventName").asText())
                .containsExactly("ConsoleLogin", "CreateAccessKey", "GetObject");
    }

    @Test
    void generated_records_keep_the_event_mix_and_vary_ids_times_and_actors_deterministically() throws Exception {
        List<ObjectNode> t = CloudTrailCorpus.loadTemplates(seed());
        Path a = dir.resolve("a.jsonl.gz");
        Path b = dir.resolve("b.jsonl.gz");
        new CloudTrailCorpus(t, 42, 3).write(3000, a);
        new CloudTrailCorpus(t, 42, 3).write(3000, b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        List<JsonNode> records = read(a);
        assertThat(records).hasSize(3000);
        Map<String, Integer> names = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> arns = new HashSet<>();
        String min = "9";
        String max = "0";
        for (JsonNode r : records) {
            names.merge(r.get("eventName").asText(), 1, Integer::sum);
            ids.add(r.get("eventID").asText());
            arns.add(r.at("/userIdentity/arn").asText());
            String time = r.get("eventTime").asText();
            min = time.compareTo(min) < 0 ? time : min;
            max = time.compareTo(max) > 0 ? time : max;
            assertThat(r.get("sourceIPAddress").asText()).isNotIn("203.0.113.10", "198.51.100.99");
            assertThat(r.get("recipientAccountId").asText()).hasSize(12).isNotEqualTo("111122223333");
        }
        assertThat(names.keySet()).containsExactlyInAnyOrder("ConsoleLogin", "CreateAccessKey", "GetObject");
        assertThat(names.values()).allMatch(n -> n > 800 && n < 1200);
        assertThat(ids).hasSize(3000);
        assertThat(arns.size()).isBetween(3 * 8, 3 * CloudTrailCorpus.ACTOR_VARIANTS);
        assertThat(min).startsWith("2024-01-01");
        assertThat(max).startsWith("2024-01-03");
        // service principals and the root user's name are not rewritten
        assertThat(records)
                .filteredOn(r -> r.get("eventName").asText().equals("GetObject"))
                .allMatch(r -> r.get("sourceIPAddress").asText().equals("s3.amazonaws.com"));
        assertThat(records)
                .filteredOn(r -> r.get("eventName").asText().equals("ConsoleLogin"))
                .allMatch(r -> r.at("/userIdentity/userName").asText().equals("root"));
        // the same actor is rewritten the same way in its ARN and its user name
        JsonNode create = records.stream()
                .filter(r -> r.get("eventName").asText().equals("CreateAccessKey"))
                .findFirst()
                .orElseThrow();
        assertThat(create.at("/userIdentity/arn").asText())
                .endsWith("user/" + create.at("/userIdentity/userName").asText())
                .contains(":" + create.at("/userIdentity/accountId").asText() + ":");
    }

    @Test
    void bench_measures_bare_parse_and_hunt_per_thread_count() throws Exception {
        Path corpus = dir.resolve("c.jsonl.gz");
        new CloudTrailCorpus(CloudTrailCorpus.loadTemplates(seed()), 1, 1).write(600, corpus);
        HuntBench.Corpus c = HuntBench.load(corpus);
        assertThat(c.size()).isEqualTo(600);
        RuleSet rules = new RuleSet(
                List.of(Fixtures.onEvent("r", "Key created", Level.MEDIUM, "CreateAccessKey")),
                List.of(),
                List.of(),
                0,
                0);
        Map<String, Object> r = HuntBench.run(c, rules, List.of(1, 2), 1);
        assertThat(r).containsEntry("records", 600).containsEntry("detection_rules", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hunts = (List<Map<String, Object>>) r.get("hunt");
        assertThat(hunts).extracting(h -> h.get("threads")).containsExactly(1, 2);
        long matches = (Long) hunts.get(0).get("matches");
        assertThat(matches).isBetween(100L, 300L).isEqualTo(hunts.get(1).get("matches"));
        assertThat(HuntBench.text(r))
                .contains("bare Jackson parse", "engine, one core, inline", "hunt pipeline, 2 worker(s)");
        assertThat(JsonText.write(r)).contains("\"records_per_s\"", "\"rate_vs_bare_parse\"", "\"engine_one_core\"");
    }
}
