package dev.vigil.cli.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hunt says when correlations could not count some matches, instead of quietly firing less. */
class CorrelationShortfallTest {
    @TempDir
    Path dir;

    private static final String RULES = String.join(
            "\n",
            "title: Any ListBuckets",
            "name: list_buckets",
            "logsource: {product: aws, service: cloudtrail}",
            "detection:",
            "  selection: {eventName: ListBuckets}",
            "  condition: selection",
            "---",
            "title: Many ListBuckets",
            "id: 9d0c6f3e-6a1e-4d7b-9f3e-000000000001",
            "correlation:",
            "  type: event_count",
            "  rules: [list_buckets]",
            "  group-by: [userIdentity.arn]",
            "  timespan: 10m",
            "  condition: {gte: 2}",
            "level: low",
            "");

    private static String record(String time) {
        return "{\"eventVersion\":\"1.08\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\","
                + "\"userIdentity\":{\"arn\":\"arn:aws:iam::111122223333:user/a\"}"
                + (time == null ? "" : ",\"eventTime\":\"" + time + "\"") + "}";
    }

    @Test
    void matchesWithoutTimeAreReportedNotSilentlyLost() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        Path logs = Files.writeString(
                dir.resolve("logs.jsonl"),
                record(null) + "\n" + record(null) + "\n" + record("2023-07-10T12:00:00Z") + "\n");

        CliRun r = CliRun.run("hunt", "--no-builtin", "--rules", rules.toString(), logs.toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("correlations: 2 matches without an event time were not counted");
        assertThat(r.out()).doesNotContain("Many ListBuckets");
    }

    @Test
    void noWarningWhenEverythingCounted() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yml"), RULES);
        Path logs = Files.writeString(
                dir.resolve("logs.jsonl"),
                record("2023-07-10T12:00:00Z") + "\n" + record("2023-07-10T12:01:00Z") + "\n");

        CliRun r = CliRun.run("hunt", "--no-builtin", "--rules", rules.toString(), logs.toString());

        assertThat(r.err()).doesNotContain("correlations:");
        assertThat(r.out()).contains("Many ListBuckets");
    }
}
