package dev.vigil.cli;

import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.policy.Exclusion;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil policy}: work with Shield policy files. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Work with Shield policy files (vigil.yaml).",
        subcommands = {PolicyCommand.Validate.class})
public final class PolicyCommand extends GroupCommand {

    /** {@code vigil policy validate FILE…}: the same validation the Shield applies at cold start, for CI. */
    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description = "Validate vigil.yaml files; prints file:line: key: reason for each error. Exit 1 if any is"
                    + " invalid.")
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files to validate.")
        Path[] files;

        @Override
        public Integer call() {
            int bad = 0;
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    spec.commandLine().getErr().println(file + ": no such file");
                    return ExitCodes.INTERNAL;
                }
                try {
                    Policy p = PolicyLoader.load(file);
                    spec.commandLine()
                            .getOut()
                            .printf(
                                    "%s: ok (mode %s, %d category overrides, %d exclusions, %d authenticity rules)%n",
                                    file,
                                    p.mode().name().toLowerCase(java.util.Locale.ROOT),
                                    p.categories().size(),
                                    p.exclusions().size(),
                                    p.authenticity().size());
                    warnUnknownCategories(file, p);
                } catch (RuntimeException e) {
                    bad++;
                    spec.commandLine().getErr().println(e.getMessage());
                }
            }
            return bad == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
        }

        /**
         * Warns about category ids no built-in detector reports: most likely typos, which would silently change
         * nothing. Not an error, since detectors added through {@code VIGIL_DETECTORS} may bring their own.
         */
        private void warnUnknownCategories(Path file, Policy p) {
            Set<String> known = new TreeSet<>();
            known.add("authenticity");
            for (Detector d : Detectors.builtIn()) {
                known.add(d.category());
            }
            Set<String> used = new TreeSet<>(p.categories().keySet());
            for (Exclusion e : p.exclusions()) {
                used.addAll(e.categories());
            }
            for (String c : used) {
                if (!known.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "%s: warning: no built-in detector reports category '%s' (known: %s)%n",
                                    file, c, String.join(", ", known));
                }
            }
        }
    }
}
