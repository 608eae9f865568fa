package dev.vigil.posture.check;

import dev.vigil.posture.model.Deployment;

/**
 * One posture check: reads the model of a deployment and reports each violation. A check is one small class with its
 * fixtures (under {@code src/test/resources/fixtures/<check id>/}) and its documentation section.
 */
public interface Check {

    /** The check's metadata. */
    CheckInfo info();

    /** Reports every violation in {@code deployment}. */
    void run(Deployment deployment, Reporter reporter);
}
