package dev.vigil.posture.model;

import dev.vigil.posture.source.Location;
import java.util.List;
import java.util.Map;

/**
 * A Lambda function, whichever format declared it. Absent settings are null (lists and maps empty).
 *
 * @param id logical id (CloudFormation/SAM) or function key (serverless.yml)
 * @param location where the function is declared (its logical id or key)
 * @param name the deployed FunctionName, when set
 * @param runtime e.g. {@code java21}; null for container images
 * @param handler e.g. {@code com.acme.Orders::handleRequest}
 * @param environment environment variables in declaration order
 * @param role the execution role
 * @param url the function URL, or null when the function has none
 * @param reservedConcurrency reserved concurrent executions, or null
 * @param timeout seconds
 * @param memory MB
 * @param tracing X-Ray mode ({@code Active}, {@code PassThrough})
 * @param deadLetterTarget DLQ or on-failure destination ARN/reference
 * @param layers layer ARNs or references
 * @param vpc VPC configuration, or null
 * @param kmsKey customer KMS key for environment variables
 * @param tags tags by key
 * @param codeSigningConfig code-signing configuration reference
 * @param origin the construct it was declared as, e.g. {@code AWS::Serverless::Function} or {@code serverless.yml}
 * @param packageType {@code Zip} or {@code Image}; null when not set (which means Zip)
 */
public record Function(
        String id,
        Location location,
        Value name,
        Value runtime,
        Value handler,
        List<EnvVar> environment,
        RoleRef role,
        FunctionUrl url,
        Value reservedConcurrency,
        Value timeout,
        Value memory,
        Value tracing,
        Value deadLetterTarget,
        List<Value> layers,
        Vpc vpc,
        Value kmsKey,
        Map<String, Value> tags,
        Value codeSigningConfig,
        String origin,
        Value packageType) {

    /** One environment variable. */
    public record EnvVar(String name, Value value, Location keyLocation) {}

    /**
     * The execution role: the logical id of a role in the same deployment when it can be resolved, else the ARN
     * or expression.
     *
     * @param roleId the {@link Role#id()} in this deployment (referenced, or named by a literal ARN whose role name is
     *     a role's literal {@code RoleName}), or null
     * @param arn the ARN or expression as written; null when the role is referenced as a resource of the deployment
     *     (as SAM and serverless.yml do for the roles they generate)
     */
    public record RoleRef(String roleId, Value arn) {}

    /**
     * A Lambda function URL ({@code AWS::Lambda::Url}).
     *
     * @param authType {@code NONE} or {@code AWS_IAM}
     * @param corsAllowOrigins {@code Cors.AllowOrigins}, empty when CORS is not configured
     * @param location where the URL is declared
     */
    public record FunctionUrl(Value authType, List<Value> corsAllowOrigins, Location location) {

        public FunctionUrl {
            corsAllowOrigins = List.copyOf(corsAllowOrigins);
        }
    }

    /**
     * VPC attachment.
     *
     * @param subnetIds the subnets as written (one symbolic value when the whole list is an expression)
     * @param securityGroupIds the security groups as written
     * @param location the {@code VpcConfig} key
     * @param subnetCountKnown true when {@code SubnetIds} is a literal list, so its size is the subnet count
     * @param availabilityZones the number of distinct availability zones of the subnets when every subnet is declared
     *     in the same template with a decidable zone, else null
     */
    public record Vpc(
            List<Value> subnetIds,
            List<Value> securityGroupIds,
            Location location,
            boolean subnetCountKnown,
            Integer availabilityZones) {

        public Vpc {
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
        }
    }

    /** True when the function is deployed as a container image (no managed runtime, no code signing). */
    public boolean isImage() {
        return packageType != null && packageType.is("Image");
    }

    public Function {
        environment = List.copyOf(environment);
        layers = List.copyOf(layers);
        tags = Map.copyOf(tags);
    }
}
