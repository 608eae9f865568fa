package dev.vigil.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.detect.rule.RuleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The pack's index agrees with its files, and every rule carries the metadata the pack promises (stable VGL id,
 * name, author Vigil, documentation anchor, fixtures). Independent of the rule loader: reads the YAML itself.
 */
class BuiltInRulesIndexTest {

    private static final String ID_PATTERN = "VGL-(SH|CT)-[0-9]{3}";

    @Test
    void indexListsExactlyTheRuleFiles() {
        assertThat(BuiltInRules.indexedFiles())
                .as("index.txt must list every rule file under dev/vigil/detect/rules/ and nothing else")
                .containsExactlyInAnyOrderElementsOf(PackFixtures.ruleFilesOnDisk());
    }

    @Test
    void aBrokenIndexFailsLoudly() {
        assertThat(BuiltInRules.parseIndex("# comment\n\nshield/a.yml\r\ncloudtrail/b.yaml\n"))
                .containsExactly("shield/a.yml", "cloudtrail/b.yaml");
        assertThatThrownBy(() -> BuiltInRules.parseIndex("a.yml\nb.yml\na.yml\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":3: listed twice: a.yml");
        assertThatThrownBy(() -> BuiltInRules.parseIndex("../secret.yml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a rule file name");
        assertThatThrownBy(() -> BuiltInRules.parseIndex("notes.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":1:");
        assertThatThrownBy(() -> BuiltInRules.read(BuiltInRules.DIRECTORY + "shield/no-such-rule.yml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("no-such-rule.yml");
    }

    @Test
    void sourcesAreNamedAfterTheirResourceAndNotEmpty() {
        List<RuleSource> sources = BuiltInRules.sources();
        assertThat(sources).hasSize(BuiltInRules.indexedFiles().size());
        for (RuleSource s : sources) {
            assertThat(s.name()).startsWith(BuiltInRules.SOURCE_PREFIX).endsWith(".yml");
            assertThat(s.text()).contains("author: Vigil");
        }
    }

    @Test
    void everyDocumentHasTheRequiredMetadata() {
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (RuleSource source : BuiltInRules.sources()) {
            List<Map<String, Object>> docs = documents(source);
            assertThat(docs).as(source.name()).hasSize(1);
            Map<String, Object> doc = docs.get(0);
            String id = (String) doc.get("id");
            assertThat(id).as(source.name()).matches(ID_PATTERN);
            assertThat(source.name()).as("file name carries the id").contains(id.toLowerCase());
            assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
            assertThat(names.add((String) doc.get("name")))
                    .as("duplicate name in " + id)
                    .isTrue();
            assertThat((String) doc.get("name")).as(id).matches("[a-z][a-z0-9_]+");
            for (String key : List.of("title", "status", "description", "date", "level")) {
                assertThat(doc.get(key)).as(id + " " + key).isNotNull();
            }
            assertThat(doc.get("author")).as(id).isEqualTo("Vigil");
            assertThat(doc.get("references")).as(id).asList().contains("docs/detect-rules.md#" + id);
            assertThat(doc.get("falsepositives")).as(id).asList().isNotEmpty();
            assertThat(doc.get("fields")).as(id).asList().isNotEmpty();
            assertThat(doc.get("tags"))
                    .as(id)
                    .asList()
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat((String) t).matches("[a-z0-9_.-]+"));
            boolean correlation = doc.containsKey("correlation");
            assertThat(correlation || doc.containsKey("detection")).as(id).isTrue();
            if (!correlation) {
                @SuppressWarnings("unchecked")
                Map<String, Object> logsource = (Map<String, Object>) doc.get("logsource");
                String expectedProduct = id.startsWith("VGL-SH") ? "vigil" : "aws";
                assertThat(logsource).as(id).containsEntry("product", expectedProduct);
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void correlationsReferenceRulesOfThePackByName() {
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> correlations = new ArrayList<>();
        for (RuleSource source : BuiltInRules.sources()) {
            Map<String, Object> doc = documents(source).get(0);
            names.add((String) doc.get("name"));
            if (doc.containsKey("correlation")) {
                correlations.add(doc);
            }
        }
        assertThat(correlations).hasSize(3);
        for (Map<String, Object> doc : correlations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> corr = (Map<String, Object>) doc.get("correlation");
            assertThat(corr.get("rules"))
                    .as(doc.get("id").toString())
                    .asList()
                    .allSatisfy(r -> assertThat(names).contains((String) r));
        }
    }

    @Test
    void everyRuleHasADocumentationSection() throws IOException {
        String docs = Files.readString(PackFixtures.docs().resolve("detect-rules.md"), StandardCharsets.UTF_8);
        for (String id : ids()) {
            assertThat(docs).as("docs/detect-rules.md anchor for " + id).contains("<a id=\"" + id + "\"></a>");
        }
    }

    @Test
    void everyRuleHasFixtures() {
        Path root = PackFixtures.fixturesRoot();
        Set<String> dirs = new TreeSet<>();
        for (String id : ids()) {
            Path dir = root.resolve(id);
            dirs.add(id);
            boolean single = Files.isRegularFile(dir.resolve("positive.jsonl"))
                    && Files.isRegularFile(dir.resolve("negative.jsonl"));
            boolean sequence = Files.isRegularFile(dir.resolve("sequence.jsonl"))
                    && Files.isRegularFile(dir.resolve("negative-sequence.jsonl"))
                    && Files.isRegularFile(dir.resolve("expected.txt"));
            assertThat(single || sequence).as("fixtures for " + id).isTrue();
            if (single) {
                assertThat(PackFixtures.lines(dir.resolve("positive.jsonl")))
                        .as(id)
                        .isNotEmpty();
                assertThat(PackFixtures.lines(dir.resolve("negative.jsonl")))
                        .as(id)
                        .isNotEmpty();
            }
        }
        try (var listing = Files.list(root)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("no fixture directory without a rule")
                    .containsExactlyElementsOf(dirs);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        for (RuleSource source : BuiltInRules.sources()) {
            ids.add((String) documents(source).get(0).get("id"));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(RuleSource source) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(source.text())) {
            out.add((Map<String, Object>) doc);
        }
        return out;
    }
}
