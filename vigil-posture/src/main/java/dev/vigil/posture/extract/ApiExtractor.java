package dev.vigil.posture.extract;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/** Placeholder: filled by the Api work package. */
final class ApiExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {}
}
