package dev.vigil.posture.model;

/** The deployment formats {@code vigil scan} reads. */
public enum Format {
    SERVERLESS("serverless.yml"),
    SAM("AWS SAM"),
    CLOUDFORMATION("CloudFormation"),
    IAM_POLICY("IAM policy");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    /** A name for people, e.g. {@code AWS SAM}. */
    public String label() {
        return label;
    }
}
