package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;

/**
 * An {@code AWS::Lambda::Permission}: who may call what on a function.
 *
 * @param id logical id
 * @param functionId the function's logical id when it is in this deployment, else null
 * @param functionName the FunctionName as written
 * @param action e.g. {@code lambda:InvokeFunction}
 * @param principal e.g. {@code apigateway.amazonaws.com}, an account, or {@code *}
 * @param sourceArn SourceArn, or null
 * @param sourceAccount SourceAccount, or null
 * @param principalOrgId PrincipalOrgID, or null
 * @param functionUrlAuthType FunctionUrlAuthType, or null
 * @param location where declared
 */
public record LambdaPermission(
        String id,
        String functionId,
        Value functionName,
        Value action,
        Value principal,
        Value sourceArn,
        Value sourceAccount,
        Value principalOrgId,
        Value functionUrlAuthType,
        Location location) {}
