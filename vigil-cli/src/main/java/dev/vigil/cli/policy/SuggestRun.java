package dev.vigil.cli.policy;

import dev.vigil.posture.iam.ActionCatalog;
import dev.vigil.posture.usage.ActionMapper;
import dev.vigil.posture.usage.CallFilter;
import dev.vigil.posture.usage.PolicySuggester;
import dev.vigil.posture.usage.SuggestedPolicy;
import dev.vigil.posture.usage.activity.ActivityLimits;
import dev.vigil.posture.usage.activity.ActivityReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of {@code vigil policy suggest}: read the activity, build the policy, report. */
public final class SuggestRun {

    /** What the run produced. */
    public record Outcome(SuggestedPolicy policy, long records, long badRecords, long files, long nanos) {}

    private SuggestRun() {}

    /**
     * Reads {@code inputs} and suggests a policy for {@code filter}; problems with records go to {@code err}.
     *
     * @throws IOException when an input cannot be read
     */
    public static Outcome run(List<Path> inputs, CallFilter filter, boolean includeDenied, PrintWriter err)
            throws IOException {
        long start = System.nanoTime();
        PolicySuggester suggester =
                new PolicySuggester(new ActionMapper(ActionCatalog.builtIn()), filter, includeDenied);
        ActivityReader reader = new ActivityReader(ActivityLimits.defaults(), err::println);
        reader.read(new ArrayList<>(inputs), suggester);
        err.flush();
        return new Outcome(
                suggester.result(), reader.records(), reader.bad(), reader.files(), System.nanoTime() - start);
    }
}
