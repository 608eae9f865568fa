package dev.vigil.cli;

import dev.vigil.cli.policy.SuggestRun;
import dev.vigil.posture.usage.CallFilter;
import dev.vigil.posture.usage.SuggestedPolicy;
import dev.vigil.shield.detect.Detector;
import dev.vigil.shield.detect.Detectors;
import dev.vigil.shield.policy.Exclusion;
import dev.vigil.shield.policy.Policy;
import dev.vigil.shield.policy.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil policy}: work with Shield policy files. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Work with Shield policy files (vigil.yaml) and suggest least-privilege IAM policies.",
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.Suggest.class})
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

    /**
     * {@code vigil policy suggest}: the minimal IAM policy for a role or function, from what it actually called
     * according to CloudTrail and Shield telemetry.
     */
    @Command(
            name = "suggest",
            mixinStandardHelpOptions = true,
            description = {
                "Suggest a least-privilege IAM policy for a role or Lambda function from the calls it made:"
                        + " CloudTrail logs ({\"Records\":[...]} files as delivered to S3, or JSON lines; plain or"
                        + " gzip; files or directories) and Shield telemetry API Activity lines.",
                "Prints the policy (JSON, Version 2012-10-17) on stdout and a summary on stderr: calls read and"
                        + " matched, actions, calls AWS denied, events that map to no action."
            },
            footer = {
                "",
                "Exit codes: 0 policy printed, 1 no call of the role/function found (empty policy), 2 usage error,"
                        + " 3 I/O error.",
                "Docs: docs/least-privilege.md."
            })
    static final class Suggest implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--cloudtrail",
                arity = "1..*",
                paramLabel = "PATH",
                description = "CloudTrail log files or directories (recursive).")
        List<Path> cloudtrail = new ArrayList<>();

        @Option(
                names = "--telemetry",
                arity = "1..*",
                paramLabel = "PATH",
                description = "Shield telemetry JSON lines (files or directories); API Activity lines are used.")
        List<Path> telemetry = new ArrayList<>();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Principal principal;

        /** Exactly one of --role and --function. */
        static final class Principal {
            @Option(
                    names = "--role",
                    paramLabel = "ARN",
                    description = "The role (arn:aws:iam::ACCOUNT:role/NAME, or its name): calls of its sessions.")
            String role;

            @Option(
                    names = "--function",
                    paramLabel = "NAME",
                    description = "The Lambda function (name or ARN): sessions named after it, and its telemetry.")
            String function;
        }

        @Option(
                names = "--format",
                defaultValue = "json",
                paramLabel = "FORMAT",
                description = "json (the policy document, default) or text (statements with call counts).")
        String format;

        @Option(
                names = {"-o", "--output"},
                paramLabel = "FILE",
                description = "Write the policy here instead of stdout.")
        Path output;

        @Option(
                names = "--include-denied",
                description = "Also grant the actions of calls AWS refused with an access-denied error.")
        boolean includeDenied;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!format.equals("json") && !format.equals("text")) {
                throw new ParameterException(spec.commandLine(), "--format must be json or text, got '" + format + "'");
            }
            List<Path> inputs = new ArrayList<>(cloudtrail);
            inputs.addAll(telemetry);
            if (inputs.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give --cloudtrail PATH… and/or --telemetry PATH…");
            }
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    throw new ParameterException(spec.commandLine(), "no such file or directory: " + p);
                }
            }
            CallFilter filter;
            try {
                filter = principal.role != null
                        ? CallFilter.role(principal.role)
                        : CallFilter.function(principal.function);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(), (principal.role != null ? "--role: " : "--function: ") + e.getMessage());
            }
            SuggestRun.Outcome outcome;
            try {
                outcome = SuggestRun.run(inputs, filter, includeDenied, err);
            } catch (IOException | java.io.UncheckedIOException e) {
                err.println("policy suggest: " + e.getMessage());
                return ExitCodes.INTERNAL;
            }
            SuggestedPolicy policy = outcome.policy();
            String text;
            if (format.equals("json")) {
                text = policy.policyJson() + System.lineSeparator();
            } else {
                StringWriter w = new StringWriter();
                policy.renderText(new PrintWriter(w));
                text = w.toString();
            }
            if (output == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                try {
                    Files.writeString(output, text, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("policy suggest: cannot write " + output + ": " + e.getMessage());
                    return ExitCodes.INTERNAL;
                }
            }
            policy.renderSummary(err);
            if (outcome.badRecords() > 0) {
                err.printf(
                        "  %d record%s skipped (reasons above)%n",
                        outcome.badRecords(), outcome.badRecords() == 1 ? "" : "s");
            }
            err.flush();
            return policy.callsMatched() == 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }
}
