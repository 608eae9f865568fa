package dev.vigil.posture.check.secrets;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.SecretCandidate;
import dev.vigil.posture.model.SecretCandidate.Provenance;
import dev.vigil.posture.model.SecretCandidate.Source;
import java.util.List;

/**
 * VGL-SECRET-004: a documented secret property takes a parameter that is not {@code NoEcho}: the template holds no
 * secret, but CloudFormation shows the value in the console and in DescribeStacks.
 */
public final class SecretParameterShown implements Check {
    private static final CheckInfo INFO = SecretInfo.of(
            "VGL-SECRET-004",
            "secret-parameter-not-noecho",
            Severity.MEDIUM,
            "Secret property takes a parameter that is not NoEcho",
            "CloudFormation shows the values of parameters without NoEcho to everyone who can describe the stack, so"
                    + " the password or token passed in is readable in the console and the API.",
            "Set NoEcho: true on the parameter (without a Default), or better use a dynamic reference to Secrets"
                    + " Manager or an SSM SecureString.",
            List.of("cfn_nag F45"));

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment deployment, Reporter reporter) {
        for (SecretCandidate c : deployment.secretCandidates()) {
            if (c.source() == Source.SECRET_PROPERTY && c.provenance() == Provenance.PARAMETER_SHOWN) {
                reporter.report(
                        c.location(),
                        c.subject(),
                        c.setting() + " of " + c.subject() + " (" + c.resourceType() + ") takes parameter "
                                + c.parameter() + ", which is not NoEcho");
            }
        }
    }
}
