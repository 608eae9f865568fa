package dev.vigil.shield.policy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Loads and validates the Shield's policy file, {@code vigil.yaml} (reference: {@code docs/policy.md}).
 *
 * <p>The YAML is composed into nodes only: no object is ever constructed from a tag, unknown tags, merge keys and
 * deep nesting are refused, aliases to collections are capped, and files over {@value #MAX_POLICY_BYTES} bytes are
 * refused before parsing. Every problem is a {@link PolicyException} naming the source, line and key.
 */
public final class PolicyLoader {

    /** Largest policy file accepted, in bytes (1 MiB). */
    public static final int MAX_POLICY_BYTES = 1 << 20;

    /** Environment variable naming the policy file to load instead of the classpath's {@code vigil.yaml}. */
    public static final String ENV_POLICY = "VIGIL_POLICY";
    /** Environment variable overriding {@code mode}. */
    public static final String ENV_MODE = "VIGIL_MODE";
    /** Environment variable overriding {@code telemetry.endpoint}. */
    public static final String ENV_ENDPOINT = "VIGIL_ENDPOINT";
    /** Environment variable overriding {@code budget_ms}. */
    public static final String ENV_BUDGET_MS = "VIGIL_BUDGET_MS";

    /** The classpath resource looked up when {@link #ENV_POLICY} is not set. */
    public static final String RESOURCE = "vigil.yaml";

    static final String CLASSPATH_SOURCE = "classpath:" + RESOURCE;
    static final String ENVIRONMENT_SOURCE = "environment";
    static final int MAX_ALIASES = 10;

    private PolicyLoader() {}

    /**
     * Parses and validates policy text.
     *
     * @param yaml the content of a {@code vigil.yaml}; empty (or only comments) means {@link Policy#defaults()}
     * @param sourceName where it came from, for messages and {@link Policy#source()}
     * @throws PolicyException if the text is too large, not YAML, or not a valid policy
     */
    public static Policy parse(String yaml, String sourceName) {
        if (yaml.length() > MAX_POLICY_BYTES) {
            throw tooLarge(sourceName);
        }
        String text = !yaml.isEmpty() && yaml.charAt(0) == '\uFEFF' ? yaml.substring(1) : yaml;
        return PolicyYaml.read(text, sourceName);
    }

    /**
     * Reads, parses and validates a policy file (UTF-8).
     *
     * @throws PolicyException if the file is missing, unreadable, too large or invalid
     */
    public static Policy load(Path file) {
        return load(file, "");
    }

    /**
     * The policy for this function: the file named by {@code VIGIL_POLICY} if set, else {@code vigil.yaml} from the
     * class path, else {@link Policy#defaults()}; then the {@code VIGIL_MODE}, {@code VIGIL_ENDPOINT} and
     * {@code VIGIL_BUDGET_MS} overrides. Blank variables count as unset.
     *
     * @param env reads an environment variable, returning null when unset (e.g. {@code System::getenv})
     * @param loader where to look for {@code vigil.yaml}; null to skip the class path
     * @throws PolicyException if the named file cannot be read, the policy is invalid, or an override is invalid
     */
    public static Policy fromEnvironment(Function<String, String> env, ClassLoader loader) {
        String path = blankToNull(env.apply(ENV_POLICY));
        Policy policy;
        if (path != null) {
            Path file;
            try {
                file = Path.of(path);
            } catch (InvalidPathException e) {
                throw new PolicyException(
                        YamlNodes.clean(path, 200), 0, "", "not a valid file path (named by " + ENV_POLICY + ")", e);
            }
            policy = load(file, " (named by " + ENV_POLICY + ")");
        } else {
            URL resource = loader == null ? null : loader.getResource(RESOURCE);
            policy = resource == null ? Policy.defaults() : parse(readResource(resource), CLASSPATH_SOURCE);
        }
        return applyOverrides(policy, env);
    }

    /** {@link #fromEnvironment(Function, ClassLoader)} with the process environment and this class's loader. */
    public static Policy fromEnvironment() {
        return fromEnvironment(System::getenv, PolicyLoader.class.getClassLoader());
    }

    private static Policy load(Path file, String origin) {
        String source = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_POLICY_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PolicyException(source, 0, "", "policy file not found" + origin, e);
        } catch (AccessDeniedException e) {
            throw new PolicyException(source, 0, "", "policy file not readable (permission denied)" + origin, e);
        } catch (IOException e) {
            throw new PolicyException(
                    source, 0, "", "cannot read policy file (" + e.getClass().getSimpleName() + ")" + origin, e);
        }
        return parse(decode(bytes, source), source);
    }

    private static String readResource(URL resource) {
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readNBytes(MAX_POLICY_BYTES + 1);
        } catch (IOException e) {
            throw new PolicyException(
                    CLASSPATH_SOURCE,
                    0,
                    "",
                    "cannot read policy file (" + e.getClass().getSimpleName() + ")",
                    e);
        }
        return decode(bytes, CLASSPATH_SOURCE);
    }

    private static String decode(byte[] bytes, String source) {
        if (bytes.length > MAX_POLICY_BYTES) {
            throw tooLarge(source);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PolicyException(source, 0, "", "policy file is not valid UTF-8", e);
        }
    }

    private static PolicyException tooLarge(String source) {
        return new PolicyException(
                source,
                0,
                "",
                "policy file is larger than 1 MiB (" + MAX_POLICY_BYTES + " bytes); refusing to parse it");
    }

    private static Policy applyOverrides(Policy p, Function<String, String> env) {
        String mode = blankToNull(env.apply(ENV_MODE));
        String endpoint = blankToNull(env.apply(ENV_ENDPOINT));
        String budget = blankToNull(env.apply(ENV_BUDGET_MS));
        if (mode == null && endpoint == null && budget == null) {
            return p;
        }
        Mode newMode = mode == null
                ? p.mode()
                : YamlNodes.choice(mode, "mode", PolicyReader.MODES, detail -> envError(ENV_MODE, detail));
        long micros = p.budgetMicros();
        if (budget != null) {
            BigDecimal ms = YamlNodes.parseDecimal(budget);
            if (ms == null) {
                throw envError(ENV_BUDGET_MS, "expected a number of milliseconds, got " + YamlNodes.quote(budget));
            }
            micros = PolicyReader.budgetMicros(ms, budget, detail -> envError(ENV_BUDGET_MS, detail));
        }
        TelemetryConfig t = p.telemetry();
        if (endpoint != null) {
            String url = PolicyReader.endpoint(endpoint, detail -> envError(ENV_ENDPOINT, detail));
            t = new TelemetryConfig(
                    t.stdout(), url, t.tokenEnv(), t.flushTimeoutMs(), t.queueCapacity(), t.batchSize());
        }
        return new Policy(
                newMode,
                p.categories(),
                p.exclusions(),
                micros,
                p.batchMode(),
                p.hygiene(),
                p.authenticity(),
                t,
                p.source());
    }

    private static PolicyException envError(String variable, String detail) {
        return new PolicyException(ENVIRONMENT_SOURCE, 0, variable, detail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
