package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.SecretCandidate;
import dev.vigil.posture.model.SecretCandidate.Provenance;
import dev.vigil.posture.model.SecretCandidate.Source;
import dev.vigil.posture.secrets.Mask;
import dev.vigil.posture.secrets.SecretDetector;
import dev.vigil.posture.secrets.SecretKind;
import dev.vigil.posture.secrets.SecretMatch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * VGL-SECRET-003: a secret written in the template outside function environments: a documented secret property
 * (a database master password, an auth token, a Lambda permission's EventSourceToken …) given as a literal, as a
 * parameter default, from a plain SSM parameter, or from a parameter without {@code NoEcho} (medium: the template
 * holds no secret, but CloudFormation shows the value in plain text); a {@code NoEcho} parameter with a default; credentials in
 * {@code AWS::CloudFormation::Authentication}; and any value with a token's shape or under a secret-like name
 * (including API stage variables and state machine definitions).
 */
public final class PlaintextSecretProperty implements Check {
    private static final CheckInfo INFO = SecretInfo.of(
            "VGL-SECRET-003",
            "plaintext-secret-property",
            Severity.HIGH,
            "Secret written in plain text in the template",
            "A password, token or key written in the template (or as a parameter default) is in the repository, in"
                    + " every copy of the template and in the stack's template history; NoEcho hides a parameter in"
                    + " the console but not its default in the template.",
            "Use a dynamic reference ({{resolve:secretsmanager:…}} or {{resolve:ssm-secure:…}}), or a NoEcho"
                    + " parameter without a Default; for cfn-init sources use roleName instead of keys or a password.",
            List.of("Checkov CKV_AWS_384", "KICS 9ecb6b21", "KICS a88baa34", "cfn_nag F45"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        Set<String> parametersReportedAtUse = new HashSet<>();
        for (SecretCandidate c : deployment.secretCandidates()) {
            if (c.source() == Source.SECRET_PROPERTY
                    && c.parameter() != null
                    && (c.provenance() == Provenance.PARAMETER_DEFAULT
                            || c.provenance() == Provenance.NO_ECHO_DEFAULT)) {
                parametersReportedAtUse.add(c.parameter());
            }
        }
        for (SecretCandidate c : deployment.secretCandidates()) {
            switch (c.source()) {
                case SECRET_PROPERTY -> secretProperty(c, reporter);
                case AUTHENTICATION ->
                    reporter.report(
                            c.provenance() == Provenance.LITERAL ? Severity.HIGH : Severity.MEDIUM,
                            c.location(),
                            c.subject(),
                            c.subject() + " gives cfn-init credentials (" + c.name()
                                    + ") in AWS::CloudFormation::Authentication instead of a roleName");
                case PARAMETER -> {
                    if (parametersReportedAtUse.contains(c.subject())) {
                        break;
                    }
                    if (c.provenance() == Provenance.NO_ECHO_DEFAULT) {
                        reporter.report(
                                c.location(),
                                c.subject(),
                                "NoEcho parameter " + c.subject() + " has a Default "
                                        + Mask.mask(c.value().text()) + ": the secret is in the template");
                    } else {
                        value(c, "the Default of parameter " + c.subject(), reporter);
                    }
                }
                case VALUE -> value(c, c.setting() + " of " + c.subject(), reporter);
            }
        }
    }

    private static void secretProperty(SecretCandidate c, Reporter reporter) {
        String what = c.setting() + " of " + c.subject() + " (" + c.resourceType() + ")";
        switch (c.provenance()) {
            case LITERAL ->
                reporter.report(
                        c.location(),
                        c.subject(),
                        what + " is written in the template "
                                + Mask.mask(c.value().text()));
            case PARAMETER_DEFAULT ->
                reporter.report(
                        c.location(),
                        c.subject(),
                        what + " takes parameter " + c.parameter() + ", whose Default holds the secret (and it is not"
                                + " NoEcho)");
            case NO_ECHO_DEFAULT ->
                reporter.report(
                        c.location(),
                        c.subject(),
                        what + " takes NoEcho parameter " + c.parameter() + ", whose Default holds the secret");
            case SSM_PLAINTEXT ->
                reporter.report(
                        Severity.MEDIUM,
                        c.location(),
                        c.subject(),
                        what + " comes from a plain SSM String parameter ({{resolve:ssm:…}}), stored unencrypted;"
                                + " use ssm-secure or Secrets Manager");
            case PARAMETER_SHOWN ->
                reporter.report(
                        Severity.MEDIUM,
                        c.location(),
                        c.subject(),
                        what + " takes parameter " + c.parameter() + ", which is not NoEcho: CloudFormation shows the"
                                + " value in plain text");
            default -> {
                // References to secret stores, resources and NoEcho parameters without a default are fine.
            }
        }
    }

    private static void value(SecretCandidate c, String where, Reporter reporter) {
        List<SecretMatch> found =
                SecretDetector.inTemplateValue(c.name(), c.value().text());
        if (found.isEmpty()) {
            return;
        }
        SecretMatch m = found.get(0);
        reporter.report(
                c.location(),
                c.subject(),
                where + " holds "
                        + (m.kind() == SecretKind.NAMED_SECRET
                                ? "a literal secret " + m.masked()
                                : "a " + m.describe()));
    }
}
