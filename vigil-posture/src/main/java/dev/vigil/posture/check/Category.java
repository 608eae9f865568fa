package dev.vigil.posture.check;

/** The areas of the check catalogue (docs/posture.md). */
public enum Category {
    IAM("IAM and least privilege"),
    SECRETS("Secrets"),
    EXPOSURE("Exposure and authentication"),
    DENIAL_OF_WALLET("Availability and denial of wallet"),
    RUNTIME("Runtime and supply chain"),
    ENCRYPTION("Encryption"),
    OBSERVABILITY("Observability"),
    DATA_PROTECTION("Data protection");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
