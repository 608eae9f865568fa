package dev.vigil.posture.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every check has fixtures in {@code src/test/resources/fixtures/<check id>/}: files named {@code positive*} must
 * produce at least one finding of that check, files named {@code negative*} none. Fixtures go through the whole
 * scanner (reader, format detection, lowering, extraction), so they test the parsers too.
 */
class CheckFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesItsVerdict() throws IOException {
        Scanner scanner = Scanner.defaults();
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : CheckCatalog.all()) {
            String id = check.info().id();
            for (Path f : fixtures(id)) {
                String name = f.getFileName().toString();
                boolean positive = name.startsWith("positive");
                tests.add(DynamicTest.dynamicTest(id + "/" + name, () -> {
                    FileResult r = scanner.scanFile(f);
                    assertThat(r.error()).as("read error").isNull();
                    assertThat(r.format()).as("format detected").isNotNull();
                    long hits = r.findings().stream()
                            .filter(x -> x.checkId().equals(id))
                            .count();
                    if (positive) {
                        assertThat(hits).as("findings of " + id + " in " + f).isPositive();
                    } else {
                        assertThat(hits).as("findings of " + id + " in " + f).isZero();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCheckHasPositiveAndNegativeFixtures() throws IOException {
        for (Check check : CheckCatalog.all()) {
            List<String> names = fixtures(check.info().id()).stream()
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertThat(names)
                    .as("fixtures of " + check.info().id())
                    .anyMatch(n -> n.startsWith("positive"))
                    .anyMatch(n -> n.startsWith("negative"));
        }
    }

    @Test
    void checkIdsAreUniqueAndMetadataComplete() {
        List<String> ids = new ArrayList<>();
        for (Check check : CheckCatalog.all()) {
            CheckInfo i = check.info();
            assertThat(i.id()).matches("VGL-[A-Z0-9]+-\\d{3}");
            assertThat(ids).as("duplicate id").doesNotContain(i.id());
            ids.add(i.id());
            assertThat(i.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(i.title()).isNotBlank();
            assertThat(i.rationale()).isNotBlank();
            assertThat(i.remediation()).isNotBlank();
            assertThat(i.doc()).endsWith("#" + i.id().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void everyCheckIsDocumentedAtItsAnchor() throws IOException {
        for (Check check : CheckCatalog.all()) {
            String doc = check.info().doc();
            Path file = Path.of("..").resolve(doc.substring(0, doc.indexOf('#')));
            assertThat(file).as("doc of " + check.info().id()).exists();
            String text = Files.readString(file);
            assertThat(text)
                    .as("heading for " + check.info().id() + " in " + file)
                    .contains("## " + check.info().id());
        }
    }

    static List<Path> fixtures(String id) throws IOException {
        Path dir = FIXTURES.resolve(id);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith("positive") || n.startsWith("negative");
                    })
                    .sorted()
                    .toList();
        }
    }
}
