package dev.vigil.posture.extract;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/**
 * Turns the resources of a (lowered) CloudFormation template into model elements. Each extractor owns a set of
 * resource types; an extractor never fails the scan: malformed properties are skipped.
 */
public interface Extractor {

    /** Adds what this extractor understands in {@code template} to {@code out}. */
    void extract(CfnTemplate template, Deployment.Builder out);
}
