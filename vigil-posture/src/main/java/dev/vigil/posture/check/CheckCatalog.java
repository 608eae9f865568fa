package dev.vigil.posture.check;

import dev.vigil.posture.check.api.ApiChecks;
import dev.vigil.posture.check.data.DataChecks;
import dev.vigil.posture.check.iam.IamChecks;
import dev.vigil.posture.check.lambda.LambdaChecks;
import dev.vigil.posture.check.secrets.SecretChecks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every built-in check, ordered by id. */
public final class CheckCatalog {
    private CheckCatalog() {}

    private static final List<Check> ALL = load();

    private static List<Check> load() {
        List<Check> all = new ArrayList<>();
        all.addAll(IamChecks.all());
        all.addAll(SecretChecks.all());
        all.addAll(LambdaChecks.all());
        all.addAll(ApiChecks.all());
        all.addAll(DataChecks.all());
        all.sort((a, b) -> a.info().id().compareTo(b.info().id()));
        return Collections.unmodifiableList(all);
    }

    /** All checks. */
    public static List<Check> all() {
        return ALL;
    }
}
