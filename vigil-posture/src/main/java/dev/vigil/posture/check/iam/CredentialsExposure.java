package dev.vigil.posture.check.iam;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.CheckInfo;
import java.util.Locale;
import java.util.Set;

/**
 * Actions whose response contains credentials (access keys, passwords, session tokens, API keys) allowed on every
 * resource. {@code ecr:GetAuthorizationToken} is left out: every container-image function needs it and it only
 * authorises registry pulls the role's other permissions allow.
 */
final class CredentialsExposure extends UnconstrainedKindCheck {
    static final CheckInfo INFO = IamDocs.info(
            "VGL-IAM-007",
            "iam-credentials-exposure",
            Severity.MEDIUM,
            "Policy allows credential-returning actions without resource constraints",
            "These calls return secrets of other identities (access keys, login passwords, role sessions, "
                    + "database tokens); on `*` a compromised function can mint credentials for any of them.",
            "Limit the actions to the specific users, roles or clusters they are for, or remove them.",
            "Checkov CKV_AWS_107");

    /** Actions that return credentials in their response (lower case). */
    static final Set<String> ACTIONS = Set.of(
            "airflow:createclitoken",
            "airflow:createweblogintoken",
            "appsync:createapikey",
            "chime:createapikey",
            "cloud9:createenvironmenttoken",
            "codeartifact:getauthorizationtoken",
            "codepipeline:pollforjobs",
            "cognito-identity:getcredentialsforidentity",
            "cognito-identity:getopenidtoken",
            "cognito-identity:getopenidtokenfordeveloperidentity",
            "cognito-idp:getsigningcertificate",
            "connect:getfederationtoken",
            "ec2:getpassworddata",
            "ecr-public:getauthorizationtoken",
            "emr-containers:getmanagedendpointsessioncredentials",
            "gamelift:getinstanceaccess",
            "gamelift:requestuploadcredentials",
            "grafana:createworkspaceapikey",
            "iam:createaccesskey",
            "iam:createloginprofile",
            "iam:createservicespecificcredential",
            "iam:resetservicespecificcredential",
            "iam:updateaccesskey",
            "lightsail:downloaddefaultkeypair",
            "lightsail:getinstanceaccessdetails",
            "lightsail:getrelationaldatabasemasteruserpassword",
            "mediapackage:rotateingestendpointcredentials",
            "rds-db:connect",
            "redshift:getclustercredentials",
            "redshift:getclustercredentialswithiam",
            "redshift-serverless:getcredentials",
            "sso:getrolecredentials",
            "sts:assumerole",
            "sts:assumerolewithsaml",
            "sts:assumerolewithwebidentity",
            "sts:getfederationtoken",
            "sts:getsessiontoken");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    boolean ofKind(String action) {
        return ACTIONS.contains(action.toLowerCase(Locale.ROOT));
    }

    @Override
    String kindName() {
        return "credential-returning";
    }
}
