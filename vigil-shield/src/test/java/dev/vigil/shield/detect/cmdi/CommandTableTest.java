package dev.vigil.shield.detect.cmdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {

    /** The names of the table, read from its source: every {@code case "name":}. */
    private static List<String> names() throws Exception {
        String src = Files.readString(Path.of("src/main/java/dev/vigil/shield/detect/cmdi/CommandTable.java"));
        List<String> names = new ArrayList<>();
        int i = 0;
        while ((i = src.indexOf("case \"", i)) >= 0) {
            int close = src.indexOf('"', i + 6);
            names.add(src.substring(i + 6, close));
            i = close;
        }
        return names;
    }

    @Test
    void lengthMasksCoverEveryName() throws Exception {
        List<String> names = names();
        assertThat(names).hasSizeGreaterThan(200);
        for (String name : names) {
            assertThat(CommandTable.kind(name)).as(name).isNotZero();
            assertThat(CommandTable.mayBeName(name.charAt(0), name.length()))
                    .as(name)
                    .isTrue();
            assertThat(name.length()).as(name).isLessThanOrEqualTo(CommandTable.MAX_NAME);
        }
    }

    @Test
    void lengthMasksRejectImpossibleWords() {
        assertThat(CommandTable.mayBeName('x', 30)).isFalse();
        assertThat(CommandTable.mayBeName('_', 3)).isFalse();
        assertThat(CommandTable.mayBeName('w', 6)).isTrue(); // whoami
    }
}
