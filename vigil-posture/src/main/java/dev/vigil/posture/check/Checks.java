package dev.vigil.posture.check;

import dev.vigil.core.Severity;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.source.Location;
import java.util.ArrayList;
import java.util.List;

/** Runs checks over a deployment, isolating each: a check that throws is reported, never fatal. */
public final class Checks {
    private Checks() {}

    /** The result of running checks on one deployment. */
    public record Result(List<Finding> findings, List<String> errors) {}

    /** Runs {@code checks} on {@code deployment}. */
    public static Result run(List<Check> checks, Deployment deployment) {
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Check check : checks) {
            CheckInfo info = check.info();
            Reporter r = new Reporter() {
                @Override
                public void report(Location at, String subject, String message) {
                    findings.add(new Finding(info, info.severity(), at, subject, message));
                }

                @Override
                public void report(Severity severity, Location at, String subject, String message) {
                    findings.add(new Finding(info, severity, at, subject, message));
                }
            };
            try {
                check.run(deployment, r);
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(deployment.file() + ": check " + info.id() + " failed: " + e);
            }
        }
        return new Result(findings, errors);
    }
}
