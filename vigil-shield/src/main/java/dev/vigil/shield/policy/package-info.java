/** The Shield's policy ({@code vigil.yaml}): its model and its validating loader. */
package dev.vigil.shield.policy;
