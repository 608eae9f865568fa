package dev.vigil.posture.check.api;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.Deployment;

/** AppSync GraphQL APIs without CloudWatch logging: no LogConfig, no logs role, or field log level NONE. */
public final class AppSyncLoggingCheck implements Check {
    static final CheckInfo INFO = Infos.info(
            "VGL-APPSYNC-001",
            "appsync-logging",
            Severity.MEDIUM,
            Category.OBSERVABILITY,
            "AppSync GraphQL API has logging off",
            "Without request and field-level logs, resolver errors and abusive queries leave no trace.",
            "Set LogConfig with a CloudWatchLogsRoleArn and FieldLogLevel ERROR (or ALL while debugging).",
            "Checkov CKV_AWS_193",
            "Checkov CKV_AWS_194",
            "Prowler appsync_field_level_logging_enabled");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter r) {
        for (Api a : d.apis()) {
            if (a.kind() != Api.Kind.GRAPHQL || a.graphQl() == null) {
                continue;
            }
            Api.GraphQl g = a.graphQl();
            if (g.logConfig() == null) {
                r.report(a.location(), a.id(), "GraphQL API " + a.id() + " has no LogConfig.");
            } else if (g.fieldLogLevel() == null || g.fieldLogLevel().is("NONE")) {
                r.report(
                        Stages.at(g.fieldLogLevel(), g.logConfig()),
                        a.id(),
                        "GraphQL API " + a.id() + " logs no resolver fields (FieldLogLevel NONE).");
            } else if (g.logRole() == null) {
                r.report(g.logConfig(), a.id(), "GraphQL API " + a.id() + " has no CloudWatch Logs role.");
            }
        }
    }
}
