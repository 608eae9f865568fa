package dev.vigil.posture.check.lambda;

import dev.vigil.core.Severity;
import dev.vigil.posture.check.Category;
import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckInfo;
import dev.vigil.posture.check.Reporter;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Function;

/** A function with environment variables and no customer KMS key to encrypt them. */
final class EnvNotEncrypted implements Check {
    static final CheckInfo INFO = Infos.of(
            "VGL-LAMBDA-014",
            "lambda-env-kms",
            Severity.MEDIUM,
            Category.ENCRYPTION,
            "Environment variables are not encrypted with a customer KMS key",
            "Without KmsKeyArn, environment variables are encrypted with an AWS-managed key: anyone allowed "
                    + "lambda:GetFunctionConfiguration reads them, and you cannot restrict or audit decryption.",
            "Set KmsKeyArn (serverless.yml: kmsKeyArn on the function or provider) to a customer-managed key, and keep "
                    + "secrets in Secrets Manager or SSM rather than in variables.",
            "Checkov CKV_AWS_173",
            "KICS 4495bc5d",
            "KICS a7f8ac28",
            "Prowler awslambda_function_env_vars_not_encrypted_with_cmk");

    @Override
    public CheckInfo info() {
        return INFO;
    }

    @Override
    public void run(Deployment d, Reporter reporter) {
        for (Function f : d.functions()) {
            if (!f.environment().isEmpty() && f.kmsKey() == null) {
                reporter.report(
                        f.location(),
                        f.id(),
                        f.id() + " has " + f.environment().size()
                                + " environment variable(s) and no customer KMS key (KmsKeyArn)");
            }
        }
    }
}
