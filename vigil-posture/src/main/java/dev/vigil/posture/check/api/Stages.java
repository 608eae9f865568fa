package dev.vigil.posture.check.api;

import dev.vigil.posture.model.Api;
import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import java.util.ArrayList;
import java.util.List;

/** Shared reading of the model for the API checks. */
final class Stages {
    private Stages() {}

    /** A stage with the API it belongs to. */
    record OfApi(Api api, ApiStage stage) {}

    /** Every stage of every API Gateway API, with its API. */
    static List<OfApi> all(Deployment d) {
        List<OfApi> out = new ArrayList<>();
        for (Api a : d.apis()) {
            if (a.isGateway()) {
                for (ApiStage s : a.stages()) {
                    out.add(new OfApi(a, s));
                }
            }
        }
        return out;
    }

    /** Stages of REST APIs. */
    static List<ApiStage> rest(Deployment d) {
        List<ApiStage> out = new ArrayList<>();
        for (OfApi s : all(d)) {
            if (s.stage().isRest()) {
                out.add(s.stage());
            }
        }
        return out;
    }

    /** True when the value is literally true. */
    static boolean isTrue(Value v) {
        return v != null && v.is("true");
    }

    /** True when the value is absent or literally false (a value known only at deploy time is neither). */
    static boolean isOff(Value v) {
        return v == null || v.is("false");
    }

    /** The value's location, or {@code fallback} when the value is absent. */
    static Location at(Value v, Location fallback) {
        return v == null ? fallback : v.location();
    }

    /** A readable name of the stage for messages. */
    static String name(ApiStage s) {
        String kind = s.kind() == ApiStage.Kind.REST_DEPLOYMENT ? "Deployment " : "Stage ";
        return kind + s.id();
    }
}
