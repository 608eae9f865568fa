package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.CliRun;
import dev.vigil.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HuntCommandTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.run(args);
    }

    private Path logs() throws IOException {
        Path p = dir.resolve("ct.jsonl");
        Files.write(
                p,
                List.of(
                        Fixtures.cloudTrail("ConsoleLogin", "2023-07-10T11:59:00Z", "arn:aws:iam::1:user/a"),
                        Fixtures.cloudTrail("DeleteTrail", "2023-07-10T12:30:00Z", "arn:aws:iam::1:user/a"),
                        "{not json",
                        Fixtures.cloudTrail("DeleteTrail", null, "arn:aws:iam::1:user/b")));
        return p;
    }

    private Path rules() throws IOException {
        Path p = dir.resolve("rules.yml");
        Files.writeString(
                p,
                String.join(
                        "\n",
                        "title: Trail deleted",
                        "id: 11111111-1111-1111-1111-111111111111",
                        "author: Tess Tester",
                        "level: high",
                        "logsource: {product: aws, service: cloudtrail}",
                        "detection:",
                        "  sel: {eventName: DeleteTrail}",
                        "  condition: sel",
                        "---",
                        "title: Console login",
                        "id: 22222222-2222-2222-2222-222222222222",
                        "author: Tess Tester",
                        "level: low",
                        "logsource: {product: aws, service: cloudtrail}",
                        "detection:",
                        "  sel: {eventName: ConsoleLogin}",
                        "  condition: sel",
                        ""));
        return p;
    }

    @Test
    void hunt_is_listed_and_has_help() {
        assertThat(run("--help").out()).contains("hunt");
        assertThat(run("hunt", "--help").out())
                .startsWith("Usage: vigil hunt")
                .contains("--rules", "--format", "--from", "--fail-on", "--placeholder", "--all-matches");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--format=xml",
                "--from=yesterday",
                "--to=soon",
                "--min-level=severe",
                "--fail-on=bad",
                "--threads=0",
                "--logsource=a:b:c:d",
                "--placeholder=novalue"
            })
    void bad_option_values_are_usage_errors_naming_the_option(String option) throws IOException {
        CliRun r = run("hunt", "--no-builtin", "--rules", rules().toString(), option, logs().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(option.substring(0, option.indexOf('=')));
    }

    @Test
    void from_after_to_is_a_usage_error() throws IOException {
        CliRun r = run("hunt", "--from=2023-07-11", "--to=2023-07-10", logs().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--from must be before --to");
    }

    @Test
    void missing_inputs_and_rules_are_usage_errors() throws IOException {
        assertThat(run("hunt", dir.resolve("nope.jsonl").toString()).err()).contains("no such input");
        CliRun r = run("hunt", "--rules", dir.resolve("none").toString(), logs().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--rules: no such file or directory");
        assertThat(run("hunt", "--no-builtin", logs().toString()).err()).contains("--no-builtin needs --rules");
    }

    @Test
    void an_output_file_that_cannot_be_written_is_an_io_error_before_reading() throws IOException {
        CliRun r = run(
                "hunt",
                "--no-builtin",
                "--rules",
                rules().toString(),
                "-o",
                dir.resolve("no/such/dir/out.txt").toString(),
                logs().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(r.err()).contains("hunt: cannot write ");
    }

    @Test
    void placeholders_accumulate_per_name() {
        dev.vigil.cli.HuntCommand c = new dev.vigil.cli.HuntCommand();
        new CommandLine(c).parseArgs("--placeholder", "admins=root,alice", "--placeholder", "%admins%=bob");
        assertThat(c.placeholderValues()).containsEntry("admins", List.of("root", "alice", "bob"));
    }

    /** Whether the rule loader is implemented (it is a stub until the detection module is merged). */
    @Test
    void end_to_end_table_jsonl_and_fail_on() throws IOException {
        String in = logs().toString();
        String r = rules().toString();
        CliRun table = run("hunt", "--no-builtin", "--rules", r, "--threads", "2", in);
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("Trail deleted", "Console login", "Tess Tester");
        assertThat(table.err()).contains(":3: ").contains("hunt: 4 records, 3 matches");

        CliRun jsonl =
                run("hunt", "--no-builtin", "--rules", r, "--format", "jsonl", "--from", "2023-07-10T12:00:00Z", in);
        assertThat(jsonl.out().lines()).hasSize(1);
        assertThat(jsonl.out()).contains("\"rule_id\":\"11111111-1111-1111-1111-111111111111\"");

        assertThat(run("hunt", "--no-builtin", "--rules", r, "--fail-on", "high", in)
                        .exit())
                .isEqualTo(ExitCodes.FINDINGS);
        assertThat(run("hunt", "--no-builtin", "--rules", r, "--fail-on", "high", "--min-level", "critical", in)
                        .exit())
                .isZero();
        Path outFile = dir.resolve("out.csv");
        CliRun csv = run("hunt", "--no-builtin", "--rules", r, "--format", "csv", "-o", outFile.toString(), in);
        assertThat(csv.out()).isEmpty();
        assertThat(Files.readString(outFile)).startsWith("kind,level,").contains("Trail deleted");
    }

    @Test
    void strict_stops_on_a_rejected_rule() throws IOException {
        Path bad = dir.resolve("bad.yml");
        Files.writeString(
                bad, "title: Bad\nlogsource: {product: aws}\ndetection:\n  sel: {a|nosuch: 1}\n  condition: sel\n");
        CliRun lenient = run(
                "hunt", "--no-builtin", "--rules", rules().toString(), "--rules", bad.toString(), logs().toString());
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains(bad + ":");
        CliRun strict = run(
                "hunt",
                "--no-builtin",
                "--strict",
                "--rules",
                rules().toString(),
                "--rules",
                bad.toString(),
                logs().toString());
        assertThat(strict.exit()).isEqualTo(ExitCodes.USAGE);
    }
}
