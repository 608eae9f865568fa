package dev.vigil.posture.extract.api;

import dev.vigil.posture.model.ApiStage;
import dev.vigil.posture.model.ApiStage.MethodSetting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads stages: {@code AWS::ApiGateway::Stage}, {@code AWS::ApiGatewayV2::Stage}, and {@code AWS::ApiGateway::Deployment}s
 * that create a stage ({@code StageName}) or that no stage of the template deploys.
 */
public final class StageReader {
    private final Refs refs;

    public StageReader(Refs refs) {
        this.refs = refs;
    }

    /**
     * A stage before its usage-plan and WAF coverage is known.
     *
     * @param apiKey the API as {@link Refs#key} names it
     */
    public record Draft(
            String id,
            String apiKey,
            Location location,
            Value accessLog,
            Value tracing,
            Value cacheEnabled,
            Value cacheEncrypted,
            Value clientCertificate,
            ApiStage.Kind kind,
            Value stageName,
            Location settingsLocation,
            List<MethodSetting> methodSettings) {

        /** The model stage. */
        public ApiStage toStage(boolean usagePlan, boolean webAcl) {
            return new ApiStage(
                    id,
                    apiKey,
                    location,
                    accessLog,
                    tracing,
                    cacheEnabled,
                    cacheEncrypted,
                    clientCertificate,
                    usagePlan,
                    kind,
                    stageName,
                    settingsLocation,
                    methodSettings,
                    webAcl);
        }
    }

    /** Every stage of the template. */
    public List<Draft> read(CfnTemplate t) {
        List<Draft> out = new ArrayList<>();
        Set<String> deployed = new HashSet<>();
        for (CfnResource r : t.resources("AWS::ApiGateway::Stage")) {
            out.add(restStage(r));
            String d = refs.target(r.property("DeploymentId"));
            if (d != null) {
                deployed.add(d);
            }
        }
        for (CfnResource r : t.resources("AWS::ApiGateway::Deployment")) {
            if (r.property("StageName") != null || !deployed.contains(r.logicalId())) {
                out.add(deployment(r));
            }
        }
        for (CfnResource r : t.resources("AWS::ApiGatewayV2::Stage")) {
            out.add(v2Stage(r));
        }
        return out;
    }

    private Draft restStage(CfnResource r) {
        MapNode p = r.properties();
        List<MethodSetting> settings = new ArrayList<>();
        methodSettings(p.get("MethodSettings"), settings);
        return new Draft(
                r.logicalId(),
                refs.key(p.get("RestApiId")),
                r.location(),
                destination(p.map("AccessLogSetting")),
                refs.value(p, "TracingEnabled"),
                refs.value(p, "CacheClusterEnabled"),
                null,
                refs.value(p, "ClientCertificateId"),
                ApiStage.Kind.REST_STAGE,
                refs.value(p, "StageName"),
                p.has("MethodSettings") ? p.keyLocation("MethodSettings") : null,
                settings);
    }

    private Draft deployment(CfnResource r) {
        MapNode p = r.properties();
        MapNode d = p.map("StageDescription");
        List<MethodSetting> settings = new ArrayList<>();
        Location settingsAt = null;
        if (d != null) {
            settings.add(setting(d, null, null, p.keyLocation("StageDescription")));
            methodSettings(d.get("MethodSettings"), settings);
            if (d.has("LoggingLevel")) {
                settingsAt = d.keyLocation("LoggingLevel");
            } else if (d.has("MethodSettings")) {
                settingsAt = d.keyLocation("MethodSettings");
            }
        }
        return new Draft(
                r.logicalId(),
                refs.key(p.get("RestApiId")),
                r.location(),
                d == null ? null : destination(d.map("AccessLogSetting")),
                refs.value(d, "TracingEnabled"),
                refs.value(d, "CacheClusterEnabled"),
                refs.value(d, "CacheDataEncrypted"),
                refs.value(d, "ClientCertificateId"),
                ApiStage.Kind.REST_DEPLOYMENT,
                refs.value(p, "StageName"),
                settingsAt,
                settings);
    }

    private Draft v2Stage(CfnResource r) {
        MapNode p = r.properties();
        List<MethodSetting> settings = new ArrayList<>();
        MapNode defaults = p.map("DefaultRouteSettings");
        if (defaults != null) {
            settings.add(setting(defaults, null, null, p.keyLocation("DefaultRouteSettings")));
        }
        MapNode perRoute = p.map("RouteSettings");
        if (perRoute != null) {
            for (MapNode.Entry e : perRoute.entries()) {
                if (e.value() instanceof MapNode m) {
                    settings.add(setting(m, Value.literal(e.key(), e.keyLocation()), null, e.keyLocation()));
                }
            }
        }
        return new Draft(
                r.logicalId(),
                refs.key(p.get("ApiId")),
                r.location(),
                destination(p.map("AccessLogSettings")),
                null,
                null,
                null,
                null,
                ApiStage.Kind.V2_STAGE,
                refs.value(p, "StageName"),
                p.has("DefaultRouteSettings") ? p.keyLocation("DefaultRouteSettings") : null,
                settings);
    }

    private Value destination(MapNode accessLog) {
        return accessLog == null ? null : refs.value(accessLog, "DestinationArn");
    }

    /** MethodSettings as a list of maps, or (as some templates write it) one map. */
    private void methodSettings(Node node, List<MethodSetting> out) {
        if (node instanceof SeqNode s) {
            for (Node n : s.items()) {
                if (n instanceof MapNode m) {
                    out.add(setting(m, refs.value(m, "HttpMethod"), refs.value(m, "ResourcePath"), m.location()));
                }
            }
        } else if (node instanceof MapNode m) {
            out.add(setting(m, refs.value(m, "HttpMethod"), refs.value(m, "ResourcePath"), m.location()));
        }
    }

    private MethodSetting setting(MapNode m, Value method, Value path, Location at) {
        Value metrics = refs.value(m, "MetricsEnabled");
        return new MethodSetting(
                method,
                path,
                refs.value(m, "CachingEnabled"),
                refs.value(m, "CacheDataEncrypted"),
                refs.value(m, "LoggingLevel"),
                refs.value(m, "DataTraceEnabled"),
                metrics != null ? metrics : refs.value(m, "DetailedMetricsEnabled"),
                at);
    }
}
