package dev.vigil.posture.extract;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.Format;
import dev.vigil.posture.template.CfnTemplate;
import java.util.List;

/** Runs every extractor, in an order where later ones may link to what earlier ones added. */
public final class Extractors {
    private Extractors() {}

    private static final List<Extractor> ALL = List.of(
            new LambdaExtractor(),
            new IamExtractor(),
            new ApiExtractor(),
            new DataExtractor(),
            new dev.vigil.posture.extract.secrets.SecretExtractor());

    /** The model of one lowered template. */
    public static Deployment extract(CfnTemplate template, Format format) {
        Deployment.Builder b = Deployment.builder(template.file(), format);
        for (Extractor e : ALL) {
            e.extract(template, b);
        }
        return b.build();
    }
}
