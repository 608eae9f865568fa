package dev.vigil.detect.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from files and directories. */
class RuleFilesTest {
    private static final Path TREE = Path.of("src/test/resources/rules/tree");

    @Test
    void a_missing_path_is_an_io_error_naming_it() {
        assertThatThrownBy(() -> RuleLoader.create().load(List.of(Path.of("no/such/rules"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage("no/such/rules: rule path does not exist");
    }

    @Test
    void problems_name_files_as_the_caller_gave_them() throws IOException {
        RuleSet set = RuleLoader.create().load(List.of(TREE));
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .contains("src/test/resources/rules/tree/broken.yml:2: Sigma v1 rule collections are not supported"
                        + " (action: global)");
        assertThat(set.skippedUnsupported()).isEqualTo(1);
    }

    @Test
    void directories_are_read_recursively_yml_and_yaml_with_references_across_files() throws IOException {
        RuleSet set = RuleLoader.create().load(List.of(TREE));
        assertThat(set.problems()).hasSize(1);
        assertThat(set.detections())
                .extracting(r -> r.origin().toString())
                .containsExactly("src/test/resources/rules/tree/aws/s3_delete.yml:1");
        assertThat(set.correlations()).hasSize(1);
        assertThat(set.correlations().get(0).rules()).containsExactly("t-1");
        assertThat(set.correlations().get(0).origin().file())
                .isEqualTo("src/test/resources/rules/tree/aws/nested/many_deletes.yaml");
    }

    @Test
    void files_are_read_in_sorted_order_and_only_once(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.yml"), "action: global\n");
        Files.writeString(dir.resolve("a.yaml"), "action: reset\n");
        Files.writeString(dir.resolve("c.json"), "action: repeat\n");
        RuleSet set = RuleLoader.create().load(List.of(dir, dir.resolve("a.yaml")));
        assertThat(set.problems())
                .extracting(p -> Path.of(p.file()).getFileName().toString())
                .containsExactly("a.yaml", "b.yml");
    }

    @Test
    void symbolic_link_loops_are_safe(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("r.yml"), "action: global\n");
        try {
            Files.createSymbolicLink(sub.resolve("loop"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symlinks on this file system
        }
        RuleSet set = RuleLoader.create().load(List.of(dir));
        assertThat(set.problems()).hasSize(1);
    }

    @Test
    void an_oversized_file_is_a_problem_not_a_failure(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yml");
        Files.write(big, new byte[(1 << 20) + 1]);
        RuleSet set = RuleLoader.create().load(List.of(big));
        assertThat(set.problems())
                .extracting(RuleProblem::toString)
                .containsExactly(big + ":1: file is larger than 1048576 bytes");
    }

    @Test
    void invalid_utf8_is_a_problem(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.write(bad, new byte[] {'t', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        RuleSet set = RuleLoader.create().load(List.of(bad));
        assertThat(set.problems()).extracting(RuleProblem::reason).containsExactly("file is not valid UTF-8");
    }

    @Test
    void a_byte_order_mark_is_ignored(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.yml");
        Files.write(f, ("\uFEFFaction: global\n").getBytes(StandardCharsets.UTF_8));
        RuleSet set = RuleLoader.create().load(List.of(f));
        assertThat(set.problems()).extracting(RuleProblem::line).containsExactly(1);
    }
}
