package dev.vigil.posture.extract;

import dev.vigil.posture.extract.data.DataResources;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.template.CfnTemplate;

/** Data resources (buckets, queues, topics, tables, streams, keys, secrets, log groups) and resource policies. */
final class DataExtractor implements Extractor {
    @Override
    public void extract(CfnTemplate template, Deployment.Builder out) {
        DataResources.extract(template, out);
    }
}
