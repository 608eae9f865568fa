package dev.vigil.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.cli.CliRun;
import dev.vigil.cli.ExitCodes;
import org.junit.jupiter.api.Test;

class ScanBenchTest {

    @Test
    void measuresAMixedDirectory() throws Exception {
        CliRun r = CliRun.run("bench", "scan", "--reps", "2", "--threads", "2", "--json", ScanCommandTest.MIXED);
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("files").asInt()).isEqualTo(6);
        assertThat(j.get("templates").asInt()).isEqualTo(4);
        assertThat(j.get("failed").asInt()).isEqualTo(1);
        assertThat(j.at("/warm_one_thread/templates_per_s").asLong()).isPositive();
        assertThat(j.at("/warm_parallel/threads").asInt()).isEqualTo(2);
        CliRun text = CliRun.run("bench", "scan", "--reps", "1", "--threads", "1", ScanCommandTest.MIXED);
        assertThat(text.out()).contains("cold first pass").contains("warm, one thread");
        assertThat(CliRun.run("bench", "scan", "no/such/dir").exit()).isEqualTo(ExitCodes.USAGE);
    }
}
