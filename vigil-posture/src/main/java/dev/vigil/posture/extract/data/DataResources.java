package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.ResourcePolicy;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import dev.vigil.posture.template.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Extracts data resources and resource-based policies from a (lowered) template. */
public final class DataResources {
    private DataResources() {}

    private static final Map<String, DataReader> READERS = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", new BucketReader()),
            Map.entry("AWS::SQS::Queue", new QueueReader()),
            Map.entry("AWS::SNS::Topic", new TopicReader()),
            Map.entry("AWS::DynamoDB::Table", new TableReader()),
            Map.entry("AWS::DynamoDB::GlobalTable", new TableReader()),
            Map.entry("AWS::Kinesis::Stream", new StreamReader()),
            Map.entry("AWS::KMS::Key", new KeyReader()),
            Map.entry("AWS::SecretsManager::Secret", new SecretReader()),
            Map.entry("AWS::Logs::LogGroup", new LogGroupReader()),
            Map.entry("AWS::StepFunctions::StateMachine", new StateMachineReader()),
            Map.entry("AWS::Serverless::StateMachine", new StateMachineReader()));

    /** Adds the data resources, then the resource policies linked to them, of {@code template} to {@code out}. */
    public static void extract(CfnTemplate template, Deployment.Builder out) {
        Resolver resolver = template.resolver();
        List<DataResource> data = new ArrayList<>();
        for (CfnResource r : template.resources()) {
            DataReader reader = READERS.get(r.type());
            if (reader != null) {
                try {
                    data.add(reader.read(new Props(r, resolver)));
                } catch (RuntimeException e) {
                    // Malformed properties: the extractor skips the resource rather than fail the scan.
                }
            }
        }
        data.forEach(out::add);
        ResourcePolicyReader policies = new ResourcePolicyReader(resolver, data);
        for (CfnResource r : template.resources()) {
            try {
                ResourcePolicy p = policies.read(r);
                if (p != null) {
                    out.add(p);
                }
            } catch (RuntimeException e) {
                // as above
            }
        }
    }
}
