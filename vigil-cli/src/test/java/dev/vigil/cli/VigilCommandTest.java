package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VigilCommandTest {

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void help_lists_every_subcommand() {
        CliRun r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo", "bench", "policy", "Usage: vigil");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "inspect", "bench", "policy"})
    void every_subcommand_has_help(String sub) {
        CliRun r = run(sub, "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: vigil " + sub);
    }

    @Test
    void nested_subcommands_have_help() {
        assertThat(run("bench", "shield", "--help").out()).contains("--event", "--cold-runs");
        assertThat(run("policy", "validate", "--help").out()).contains("FILE");
    }

    @Test
    void version_names_vigil_and_the_jvm() {
        CliRun r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("vigil ").contains("JVM: ");
    }

    @Test
    void unknown_options_are_usage_errors() {
        CliRun r = run("demo", "--bogus");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void policy_validate_accepts_a_good_file_and_names_the_line_of_a_bad_one() throws Exception {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "mode: monitor\ncategories:\n  xss: block\n");
        CliRun ok = run("policy", "validate", good.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("ok (mode monitor, 1 category overrides");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "mode: block\nbatch:\n  on_block: explode\n");
        CliRun r = run("policy", "validate", good.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).contains(bad + ":3: batch.on_block:").contains("explode");
    }

    @Test
    void policy_validate_warns_about_categories_no_detector_reports() throws Exception {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(
                typo, "mode: block\ncategories: {test: off, sqlii: monitor}\nexclusions:\n  - categories: [xsss]\n");
        CliRun r = run("policy", "validate", typo.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err())
                .contains("warning: no built-in detector reports category 'sqlii'")
                .contains("category 'xsss'")
                .doesNotContain("'test'");
    }

    @Test
    void policy_validate_reports_a_missing_file() {
        CliRun r = run("policy", "validate", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void bench_rejects_silly_iteration_counts() {
        CliRun r = run("bench", "shield", "--iterations", "5");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--iterations must be at least 100, got 5");
    }
}
