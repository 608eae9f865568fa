package dev.vigil.shield.detect;

import dev.vigil.shield.detect.cmdi.CmdiDetector;
import dev.vigil.shield.detect.codeinjection.CodeInjectionDetector;
import dev.vigil.shield.detect.crlf.CrlfInjectionDetector;
import dev.vigil.shield.detect.deserialization.DeserializationDetector;
import dev.vigil.shield.detect.jndi.JndiDetector;
import dev.vigil.shield.detect.nosqli.NoSqlInjectionDetector;
import dev.vigil.shield.detect.pathtraversal.PathTraversalDetector;
import dev.vigil.shield.detect.prototypepollution.PrototypePollutionDetector;
import dev.vigil.shield.detect.sqli.SqliDetector;
import dev.vigil.shield.detect.ssrf.SsrfDetector;
import dev.vigil.shield.detect.ssti.SstiDetector;
import dev.vigil.shield.detect.xss.XssDetector;
import dev.vigil.shield.detect.xxe.XxeDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * The detectors a Shield built from the environment runs: the built-in ones, in a fixed order, then any named by
 * {@code VIGIL_DETECTORS} (comma-separated class names with public no-argument constructors). An explicit list rather
 * than {@code ServiceLoader}: scanning every jar's {@code META-INF/services} costs each function milliseconds of cold
 * start, and an explicit list is easy to read and to grep.
 */
public final class Detectors {

    /** The environment variable naming extra detector classes. */
    public static final String ENV = "VIGIL_DETECTORS";

    private Detectors() {}

    /** The built-in detectors, in the order they run. */
    public static List<Detector> builtIn() {
        List<Detector> list = new ArrayList<>();
        list.add(new CanaryDetector());

        list.add(new SqliDetector());

        list.add(new XssDetector());

        list.add(new CmdiDetector());

        list.add(new PathTraversalDetector());

        list.add(new SsrfDetector());

        list.add(new JndiDetector());

        list.add(new XxeDetector());

        list.add(new SstiDetector());

        list.add(new DeserializationDetector());

        list.add(new NoSqlInjectionDetector());

        list.add(new PrototypePollutionDetector());

        list.add(new CrlfInjectionDetector());

        list.add(new CodeInjectionDetector());
        return list;
    }

    /**
     * The detectors named in {@code classNames} (the value of {@link #ENV}), loaded from {@code loader}.
     *
     * @throws IllegalArgumentException naming the class that could not be loaded or is not a {@link Detector}
     */
    public static List<Detector> named(String classNames, ClassLoader loader) {
        List<Detector> list = new ArrayList<>();
        if (classNames == null) {
            return list;
        }
        for (String raw : classNames.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, true, loader);
                if (!Detector.class.isAssignableFrom(type)) {
                    throw new IllegalArgumentException(
                            ENV + ": " + name + " does not implement " + Detector.class.getName());
                }
                list.add((Detector) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalArgumentException(
                        ENV + ": cannot create detector " + name + " ("
                                + e.getClass().getSimpleName() + ")",
                        e);
            }
        }
        return list;
    }
}
