package dev.vigil.posture.usage;

import java.util.List;
import java.util.Map;

/**
 * Granted versus used actions of one function.
 *
 * @param file the deployment file
 * @param function the function's id (logical id or serverless key)
 * @param deployedName the deployed function name when the template states it, else null
 * @param role the role's id in the deployment, or its ARN as written, or null
 * @param callsObserved calls attributed to the function (its sessions, its telemetry, its role)
 * @param granted every action the role's policies allow (wildcards expanded when the catalogue is available), sorted
 * @param used granted or not, the actions the function was seen using (sorted)
 * @param unused actions granted by name (not through a wildcard) never seen, that management-event trails would
 *     show (sorted)
 * @param unobservable granted actions never seen that only data events show (S3 objects, DynamoDB items …), sorted
 * @param narrowable wildcard grant (as written) -> the actions it was actually used for
 * @param usedNotGranted actions seen but not granted by the declared policies (AWS-managed policies, other roles)
 * @param denied action -> calls AWS refused
 * @param notExpanded grants whose actions are not known: AWS-managed policies by ARN, NotAction, unresolved values
 */
public record FunctionUsage(
        String file,
        String function,
        String deployedName,
        String role,
        long callsObserved,
        List<String> granted,
        List<String> used,
        List<String> unused,
        List<String> unobservable,
        Map<String, List<String>> narrowable,
        List<String> usedNotGranted,
        Map<String, Long> denied,
        List<String> notExpanded) {}
