package dev.vigil.posture.extract;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/** Placeholder: filled by the Data work package. */
final class DataExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {}
}
