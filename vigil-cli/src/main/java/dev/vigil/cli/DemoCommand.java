package dev.vigil.cli;

import dev.vigil.cli.demo.Demo;
import dev.vigil.core.telemetry.InvocationSummary;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.TelemetryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil demo}: the whole Shield, offline, in seconds. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the bundled order functions behind the Shield with benign and hostile events, offline,"
                + " and show what happened.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--telemetry",
            paramLabel = "FILE",
            description = "Also write every telemetry event as JSON lines to FILE.")
    Path telemetry;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path scratch = Files.createTempDirectory("vigil-demo-tmp");
        Demo.Result result;
        try {
            result = new Demo(scratch).run();
        } finally {
            deleteTree(scratch);
        }
        out.println("Vigil demo: order functions behind the Shield (offline, zero-code WrapperHandler)");
        out.println();
        out.println("Cold start checks (orders-api):");
        for (TelemetryEvent e : result.coldStart()) {
            out.println("  - " + Demo.describe(e));
        }
        out.println();
        out.printf(
                "%-3s %-46s %-11s %-8s %-6s %9s  %s%n",
                "#", "scenario", "trigger", "outcome", "status", "shield us", "what Vigil reported");
        int i = 1;
        for (Demo.Scenario s : result.scenarios()) {
            InvocationSummary inv = s.invocation();
            String status = inv == null || inv.httpStatus() == 0 ? "-" : Integer.toString(inv.httpStatus());
            boolean first = true;
            for (TelemetryEvent e : s.events()) {
                if (e instanceof InvocationSummary) {
                    continue;
                }
                printRow(
                        out,
                        first ? Integer.toString(i) : "",
                        first ? s.name() : "",
                        inv,
                        status,
                        first,
                        Demo.describe(e));
                first = false;
            }
            if (first) {
                printRow(out, Integer.toString(i), s.name(), inv, status, true, "-");
            }
            i++;
        }
        out.println();
        out.println("shield us: time spent inside the Shield. These are the first invocations of a fresh JVM, with the"
                + " code not yet compiled; `vigil bench shield` measures warm invocations.");
        long findings =
                result.all().stream().filter(e -> e.kind().equals("finding")).count();
        long violations = result.all().stream()
                .filter(e -> e.kind().equals("policy_violation"))
                .count();
        long invocations =
                result.all().stream().filter(e -> e.kind().equals("invocation")).count();
        out.printf(
                "Telemetry: %d events (%d invocations, %d findings, %d policy violations).%n",
                result.all().size(), invocations, findings, violations);
        if (telemetry != null) {
            TelemetryJson json = new TelemetryJson("Vigil Shield");
            try (Writer w = Files.newBufferedWriter(telemetry, StandardCharsets.UTF_8)) {
                for (TelemetryEvent e : result.all()) {
                    w.write(json.toJson(e));
                    w.write('\n');
                }
            }
            out.println("Telemetry written to " + telemetry + " (JSON lines, see docs/telemetry.md).");
        }
        out.println("Try your own payloads and events: vigil inspect (docs/detectors.md).");
        return ExitCodes.OK;
    }

    private static void printRow(
            PrintWriter out, String n, String name, InvocationSummary inv, String status, boolean first, String what) {
        out.printf(
                "%-3s %-46s %-11s %-8s %-6s %9s  %s%n",
                n,
                name,
                first && inv != null ? inv.trigger().id() : "",
                first && inv != null ? inv.outcome().id() : "",
                first ? status : "",
                first && inv != null ? Long.toString(inv.shieldMicros()) : "",
                what);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
