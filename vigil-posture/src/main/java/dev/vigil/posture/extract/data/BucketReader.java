package dev.vigil.posture.extract.data;

import dev.vigil.posture.model.DataResource;
import dev.vigil.posture.model.DataResource.Setting;
import dev.vigil.posture.model.Value;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.source.Node;
import dev.vigil.posture.source.SeqNode;

/** {@code AWS::S3::Bucket}: default encryption, canned ACL, Block Public Access, website hosting. */
final class BucketReader implements DataReader {

    @Override
    public DataResource read(Props p) {
        SettingsBuilder s = new SettingsBuilder(p);
        s.put(Setting.NAME, p.value("BucketName"));
        s.put(Setting.ACL, p.value("AccessControl"));
        MapNode pab = p.map("PublicAccessBlockConfiguration");
        if (pab != null) {
            s.literal(Setting.PUBLIC_ACCESS_BLOCK, "true", p.keyLocation("PublicAccessBlockConfiguration"));
        }
        s.put(Setting.BLOCK_PUBLIC_ACLS, p.value(pab, "BlockPublicAcls"));
        s.put(Setting.IGNORE_PUBLIC_ACLS, p.value(pab, "IgnorePublicAcls"));
        s.put(Setting.BLOCK_PUBLIC_POLICY, p.value(pab, "BlockPublicPolicy"));
        s.put(Setting.RESTRICT_PUBLIC_BUCKETS, p.value(pab, "RestrictPublicBuckets"));
        MapNode ownership = p.map("OwnershipControls");
        SeqNode rules = ownership == null ? null : ownership.seq("Rules");
        if (rules != null && rules.size() > 0 && rules.items().get(0) instanceof MapNode rule) {
            s.put(Setting.OBJECT_OWNERSHIP, p.value(rule, "ObjectOwnership"));
        }
        if (p.get("WebsiteConfiguration") != null) {
            s.literal(Setting.WEBSITE, "true", p.keyLocation("WebsiteConfiguration"));
        }
        encryption(p, s);
        return s.build(DataResource.Kind.BUCKET);
    }

    private static void encryption(Props p, SettingsBuilder s) {
        MapNode enc = p.map("BucketEncryption");
        SeqNode rules = enc == null ? null : enc.seq("ServerSideEncryptionConfiguration");
        if (rules != null) {
            for (Node rule : rules.items()) {
                MapNode byDefault = rule.asMap() == null ? null : rule.asMap().map("ServerSideEncryptionByDefault");
                Value algorithm = p.value(byDefault, "SSEAlgorithm");
                if (algorithm == null) {
                    continue;
                }
                if (!algorithm.literal()) {
                    s.unknownEncryption(algorithm);
                } else if (algorithm.text().toLowerCase(java.util.Locale.ROOT).startsWith("aws:kms")) {
                    if (!s.kmsKey(p.value(byDefault, "KMSMasterKeyID"))) {
                        s.encryption(Setting.AWS_MANAGED, algorithm.location());
                    }
                } else {
                    s.encryption(Setting.AWS_OWNED, algorithm.location());
                }
                return;
            }
        }
        s.encryption(
                Setting.NONE,
                enc != null ? p.keyLocation("BucketEncryption") : p.resource().location());
    }
}
