package dev.vigil.posture.usage;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test CloudTrail and telemetry files under {@code src/test/resources/usage}. */
public final class Fixtures {

    private Fixtures() {}

    /** A fixture file by name. */
    public static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/usage/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
