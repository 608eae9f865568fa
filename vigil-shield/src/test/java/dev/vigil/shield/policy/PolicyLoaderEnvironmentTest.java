package dev.vigil.shield.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderEnvironmentTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private URLClassLoader loader;

    @AfterEach
    void closeLoader() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    /** A class loader that sees only {@code root} (no parent), so the test class path cannot leak in. */
    private ClassLoader classPathOf(Path root) throws IOException {
        loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        return loader;
    }

    private ClassLoader classPathWith(String vigilYaml) throws IOException {
        Path root = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(root.resolve("vigil.yaml"), vigilYaml, StandardCharsets.UTF_8);
        return classPathOf(root);
    }

    private ClassLoader emptyClassPath() throws IOException {
        return classPathOf(Files.createDirectories(dir.resolve("empty")));
    }

    private Policy load(ClassLoader cl) {
        return PolicyLoader.fromEnvironment(env::get, cl);
    }

    @Test
    void fromEnvironment_loads_the_file_named_by_VIGIL_POLICY() throws IOException {
        Path file = dir.resolve("custom.yaml");
        Files.writeString(file, "mode: monitor\nbudget_ms: 7\n");
        env.put("VIGIL_POLICY", file.toString());

        Policy p = load(emptyClassPath());

        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.budgetMicros()).isEqualTo(7_000);
        assertThat(p.source()).isEqualTo(file.toString());
    }

    @Test
    void fromEnvironment_VIGIL_POLICY_wins_over_the_class_path() throws IOException {
        Path file = dir.resolve("custom.yaml");
        Files.writeString(file, "mode: off\n");
        env.put("VIGIL_POLICY", file.toString());

        Policy p = load(classPathWith("mode: monitor\n"));

        assertThat(p.mode()).isEqualTo(Mode.OFF);
        assertThat(p.source()).isEqualTo(file.toString());
    }

    @Test
    void fromEnvironment_missing_VIGIL_POLICY_file_names_it() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        env.put("VIGIL_POLICY", missing.toString());
        ClassLoader cl = classPathWith("mode: monitor\n");

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> load(cl));

        assertThat(e.getMessage()).isEqualTo(missing + ": policy file not found (named by VIGIL_POLICY)");
        assertThat(e.source()).isEqualTo(missing.toString());
    }

    @Test
    void fromEnvironment_unreadable_VIGIL_POLICY_names_it() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("a-directory.yaml"));
        env.put("VIGIL_POLICY", directory.toString());

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> load(emptyClassPath()));

        assertThat(e.getMessage())
                .startsWith(directory + ": cannot read policy file (")
                .endsWith(") (named by VIGIL_POLICY)");
    }

    @Test
    void fromEnvironment_VIGIL_POLICY_that_is_no_path_is_a_policy_error() throws IOException {
        env.put("VIGIL_POLICY", "bad\u0000name.yaml");

        assertThatThrownBy(() -> load(emptyClassPath()))
                .isInstanceOf(PolicyException.class)
                .hasMessage("bad\\u0000name.yaml: not a valid file path (named by VIGIL_POLICY)");
    }

    @Test
    void fromEnvironment_invalid_VIGIL_POLICY_file_reports_its_line() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "mode: block\nmdoe: off\n");
        env.put("VIGIL_POLICY", file.toString());

        assertThatThrownBy(() -> load(emptyClassPath()))
                .isInstanceOf(PolicyException.class)
                .hasMessage(file + ":2: mdoe: unknown key 'mdoe' (did you mean 'mode'?)");
    }

    @Test
    void fromEnvironment_reads_vigil_yaml_from_the_class_path() throws IOException {
        Policy p = load(classPathWith("mode: monitor\ncategories:\n  xss: off\n"));

        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.categories()).isEqualTo(Map.of("xss", Mode.OFF));
        assertThat(p.source()).isEqualTo("classpath:vigil.yaml");
    }

    @Test
    void fromEnvironment_invalid_class_path_file_is_named_as_such() throws IOException {
        ClassLoader cl = classPathWith("mode: loud\n");

        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessage("classpath:vigil.yaml:1: mode: unknown mode 'loud' (expected one of block, monitor, off)");
    }

    @Test
    void fromEnvironment_without_any_file_gives_defaults() throws IOException {
        assertThat(load(emptyClassPath())).isEqualTo(Policy.defaults());
        assertThat(load(null)).isEqualTo(Policy.defaults());
    }

    @Test
    void fromEnvironment_blank_variables_count_as_unset() throws IOException {
        env.put("VIGIL_POLICY", "  ");
        env.put("VIGIL_MODE", "");
        env.put("VIGIL_ENDPOINT", " ");
        env.put("VIGIL_BUDGET_MS", "");

        assertThat(load(emptyClassPath())).isEqualTo(Policy.defaults());
    }

    @Test
    void fromEnvironment_overrides_apply_on_top_of_the_file() throws IOException {
        ClassLoader cl = classPathWith(
                "mode: block\nbudget_ms: 5\ntelemetry:\n  endpoint: https://a.example.com/e\n  batch_size: 9\n");
        env.put("VIGIL_MODE", " Monitor ");
        env.put("VIGIL_ENDPOINT", "http://127.0.0.1:4318/events");
        env.put("VIGIL_BUDGET_MS", "0.25");

        Policy p = load(cl);

        assertThat(p.mode()).isEqualTo(Mode.MONITOR);
        assertThat(p.budgetMicros()).isEqualTo(250);
        assertThat(p.telemetry().endpoint()).isEqualTo("http://127.0.0.1:4318/events");
        assertThat(p.telemetry().batchSize()).isEqualTo(9);
        assertThat(p.source()).isEqualTo("classpath:vigil.yaml");
    }

    @Test
    void fromEnvironment_overrides_apply_to_defaults() throws IOException {
        env.put("VIGIL_MODE", "off");

        Policy p = load(emptyClassPath());

        assertThat(p.mode()).isEqualTo(Mode.OFF);
        assertThat(p.source()).isEqualTo("defaults");
    }

    @Test
    void fromEnvironment_bad_VIGIL_MODE_names_the_variable() throws IOException {
        env.put("VIGIL_MODE", "loud");

        PolicyException e = catchThrowableOfType(PolicyException.class, () -> load(emptyClassPath()));

        assertThat(e.getMessage())
                .isEqualTo("environment: VIGIL_MODE: unknown mode 'loud' (expected one of block, monitor, off)");
        assertThat(e.key()).isEqualTo("VIGIL_MODE");
        assertThat(e.line()).isZero();
    }

    @Test
    void fromEnvironment_bad_VIGIL_BUDGET_MS_names_the_variable() throws IOException {
        ClassLoader cl = emptyClassPath();
        env.put("VIGIL_BUDGET_MS", "fast");
        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environment: VIGIL_BUDGET_MS: expected a number of milliseconds, got 'fast'");

        env.put("VIGIL_BUDGET_MS", "0");
        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environment: VIGIL_BUDGET_MS: must be greater than 0 and at most 1000 (milliseconds),"
                        + " got 0");

        env.put("VIGIL_BUDGET_MS", "5000");
        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("environment: VIGIL_BUDGET_MS: must be greater than 0");
    }

    @Test
    void fromEnvironment_bad_VIGIL_ENDPOINT_names_the_variable_but_not_the_value() throws IOException {
        ClassLoader cl = emptyClassPath();
        env.put("VIGIL_ENDPOINT", "ftp://collector.example.com/");
        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessage("environment: VIGIL_ENDPOINT: expected an http or https URL");

        env.put("VIGIL_ENDPOINT", "https://me:t0ps3cret@collector.example.com/");
        assertThatThrownBy(() -> load(cl))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("environment: VIGIL_ENDPOINT: the URL must not contain credentials")
                .hasMessageNotContaining("t0ps3cret");
    }
}
