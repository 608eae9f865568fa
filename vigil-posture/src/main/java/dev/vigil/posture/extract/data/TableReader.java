package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.Location;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;

/**
 * {@code AWS::DynamoDB::Table} and {@code AWS::DynamoDB::GlobalTable}: server-side encryption (DynamoDB always
 * encrypts; {@code SSEEnabled} switches from the AWS-owned key to KMS), point-in-time recovery and capacity mode.
 */
final class TableReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        boolean global = p.resource().type().equals("AWS::DynamoDB::GlobalTable");
        s.put(Setting.NAME, p.value("TableName"));
        s.put(Setting.BILLING_MODE, p.value("BillingMode"));
        String throughput = global ? "WriteProvisionedThroughputSettings" : "ProvisionedThroughput";
        if (p.get(throughput) != null) {
            s.literal(Setting.PROVISIONED_THROUGHPUT, "true", p.keyLocation(throughput));
        }
        SeqNode replicas = global ? seq(p.get("Replicas")) : null;
        encryption(p, s, replicas);
        if (global) {
            globalPitr(p, s, replicas);
        } else {
            pitr(
                    p,
                    s,
                    p.map("PointInTimeRecoverySpecification"),
                    p.keyLocation("PointInTimeRecoverySpecification"),
                    p.resource().location());
        }
        return s.build(DataResource.Kind.TABLE);
    }

    private static void encryption(Props p, SettingsBuilder s, SeqNode replicas) {
        MapNode sse = p.map("SSESpecification");
        Value enabled = p.value(sse, "SSEEnabled");
        if (enabled != null && !enabled.literal()) {
            s.unknownEncryption(enabled);
            return;
        }
        if (enabled == null || !enabled.is("true")) {
            Location at = enabled != null
                    ? enabled.location()
                    : sse != null
                            ? p.keyLocation("SSESpecification")
                            : p.resource().location();
            s.encryption(Setting.AWS_OWNED, at);
            return;
        }
        Value key = replicas == null ? p.value(sse, "KMSMasterKeyId") : replicaKey(p, replicas);
        if (!s.kmsKey(key)) {
            s.encryption(Setting.AWS_MANAGED, enabled.location());
        }
    }

    /** The customer key when every replica names one (a replica without one uses the AWS-managed key). */
    private static Value replicaKey(Props p, SeqNode replicas) {
        Value first = null;
        for (Node r : replicas.items()) {
            MapNode sse = r.asMap() == null ? null : r.asMap().map("SSESpecification");
            Value key = p.value(sse, "KMSMasterKeyId");
            if (!Props.nonBlank(key)) {
                return null;
            }
            first = first == null ? key : first;
        }
        return first;
    }

    private static void pitr(Props p, SettingsBuilder s, MapNode spec, Location specAt, Location absentAt) {
        Value enabled = p.value(spec, "PointInTimeRecoveryEnabled");
        if (enabled != null) {
            s.put(Setting.PITR, enabled);
        } else {
            // PITR is off unless enabled; an empty specification states nothing.
            s.literal(Setting.PITR, "false", spec != null ? specAt : absentAt);
        }
    }

    private static void globalPitr(Props p, SettingsBuilder s, SeqNode replicas) {
        if (replicas == null || replicas.size() == 0) {
            s.literal(Setting.PITR, "false", p.resource().location());
            return;
        }
        for (Node r : replicas.items()) {
            MapNode replica = r.asMap();
            MapNode spec = replica == null ? null : replica.map("PointInTimeRecoverySpecification");
            Value enabled = p.value(spec, "PointInTimeRecoveryEnabled");
            if (enabled == null || !enabled.is("true")) {
                pitr(
                        p,
                        s,
                        spec,
                        replica == null ? r.location() : replica.keyLocation("PointInTimeRecoverySpecification"),
                        r.location());
                return;
            }
        }
        s.literal(Setting.PITR, "true", p.keyLocation("Replicas"));
    }

    private static SeqNode seq(Node n) {
        return n == null ? null : n.asSeq();
    }
}
