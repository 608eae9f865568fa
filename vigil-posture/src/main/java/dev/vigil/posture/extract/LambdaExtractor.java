package dev.vigil.posture.extract;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/** Placeholder: filled by the Lambda work package. */
final class LambdaExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {}
}
