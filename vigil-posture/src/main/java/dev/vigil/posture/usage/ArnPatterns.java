package dev.vigil.posture.usage;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches concrete ARNs against the catalogue's resource ARN patterns such as
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}, and fills a pattern's partition, region and account to
 * make a placeholder ARN. Patterns come from the shipped catalogue, never from user input.
 */
final class ArnPatterns {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private ArnPatterns() {}

    /** True when {@code arn} is an instance of {@code pattern}. */
    static boolean matches(String pattern, String arn) {
        return COMPILED.computeIfAbsent(pattern, ArnPatterns::compile)
                .matcher(arn)
                .matches();
    }

    private static Pattern compile(String pattern) {
        StringBuilder re = new StringBuilder();
        com.google.re2j.Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(pattern.substring(last, m.start())));
            re.append(placeholderRegex(m.group(1)));
            last = m.end();
        }
        re.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(re.toString());
    }

    /**
     * Object keys match anything; names that may hold a path ({@code LogGroupName}, {@code RoleNameWithPath},
     * {@code ParameterNameWithoutLeadingSlash}, {@code RelativeId}) anything but {@code :}; others one segment.
     */
    private static String placeholderRegex(String name) {
        if (name.equals("ObjectName") || name.equals("Key") || name.equals("KeyName")) {
            return ".*";
        }
        if (name.endsWith("Path")
                || name.contains("ParameterName")
                || name.equals("LogGroupName")
                || name.equals("LogStreamName")
                || name.equals("RelativeId")
                || name.equals("ResourcePath")
                || name.equals("ApiGatewayResourcePath")
                || name.equals("SecretId")) {
            return "[^:]*";
        }
        return "[^:/]*";
    }

    /**
     * The pattern with {@code ${Partition}}, {@code ${Region}} and {@code ${Account}} filled where known; the other
     * placeholders stay for the user to fill.
     */
    static String fill(String pattern, String partition, String region, String account) {
        String s = pattern.replace("${Partition}", partition == null ? "aws" : partition);
        if (region != null) {
            s = s.replace("${Region}", region);
        }
        if (account != null) {
            s = s.replace("${Account}", account);
        }
        return s;
    }
}
