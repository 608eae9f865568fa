package dev.vigil.core.telemetry;

/**
 * The function a telemetry event is about. Any field but {@code name} may be {@code null} when unknown.
 *
 * @param name function name ({@code AWS_LAMBDA_FUNCTION_NAME})
 * @param version function version ({@code $LATEST}, {@code 7})
 * @param arn invoked function ARN, when the context gives one
 * @param region cloud region
 * @param account cloud account id
 * @param runtime runtime id such as {@code java17}
 * @param memoryMb configured memory
 */
public record FunctionInfo(
        String name, String version, String arn, String region, String account, String runtime, Integer memoryMb) {

    /** A function known only by name. */
    public static FunctionInfo named(String name) {
        return new FunctionInfo(name, null, null, null, null, null, null);
    }

    public FunctionInfo {
        if (name == null || name.isBlank()) {
            name = "unknown";
        }
    }
}
