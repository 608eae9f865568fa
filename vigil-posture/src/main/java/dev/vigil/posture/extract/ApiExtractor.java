package dev.vigil.posture.extract;

import dev.vigil.posture.extract.api.ApiReader;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/**
 * APIs: API Gateway REST, HTTP and WebSocket APIs with their routes, stages, usage plans, WAF associations and
 * custom domains; AppSync GraphQL APIs; Cognito identity pools; and the HTTP triggers linking routes to functions.
 * See {@link ApiReader}.
 */
final class ApiExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {
        new ApiReader(template, out.functions()).read(out);
    }
}
