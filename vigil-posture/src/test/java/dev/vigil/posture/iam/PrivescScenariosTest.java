package dev.vigil.posture.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Privilege-escalation verdicts on small policy sets: each folder under {@code iam/scenarios} is one principal with
 * every policy file in it attached (union, Deny wins). Folders named {@code privesc-*} must escalate, {@code safe-*}
 * must not. They cover the traps naive tools fall into: permissions split across policies, resource constraints that
 * still match an exploitable resource (or only AWS-owned ones), conditions that can (or can never) hold, NotAction,
 * and explicit Deny.
 */
class PrivescScenariosTest {
    static final Path SCENARIOS = Path.of("src/test/resources/iam/scenarios");

    @TestFactory
    Stream<DynamicTest> everyScenarioGetsItsVerdict() throws IOException {
        Scanner scanner = Scanner.defaults();
        Conditions conditions = new Conditions(Instant.parse("2026-01-15T00:00:00Z"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SCENARIOS)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    List<Grant> grants = new ArrayList<>();
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.sorted().toList()) {
                            FileResult r = scanner.scanFile(f);
                            assertThat(r.deployment()).as(f.toString()).isNotNull();
                            Principals.of(r.deployment()).forEach(p -> grants.addAll(p.grants()));
                        }
                    }
                    List<Privesc.Path> paths =
                            Privesc.paths(new Permissions(grants, null, ActionCatalog.builtIn(), conditions));
                    if (name.startsWith("privesc-")) {
                        assertThat(paths).as(name).isNotEmpty();
                    } else {
                        assertThat(paths).as(name).isEmpty();
                    }
                }));
            }
        }
        return tests.stream();
    }
}
