package dev.vigil.posture.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Format;
import dev.vigil.posture.source.MapNode;
import dev.vigil.posture.template.CfnResource;
import dev.vigil.posture.template.CfnTemplate;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    static Format detect(String file, String text) throws Exception {
        return FormatDetector.detect(Templates.node(file, text));
    }

    @Test
    void tellsFormatsFromContent() throws Exception {
        assertThat(detect("a.yml", "service: x\nprovider: {name: aws}\n")).isEqualTo(Format.SERVERLESS);
        assertThat(detect("a.yml", "service: x\nfunctions: {}\n")).isEqualTo(Format.SERVERLESS);
        assertThat(detect("a.yml", "Resources: {B: {Type: AWS::S3::Bucket}}\n")).isEqualTo(Format.CLOUDFORMATION);
        assertThat(detect("a.yml", "AWSTemplateFormatVersion: '2010-09-09'\n")).isEqualTo(Format.CLOUDFORMATION);
        assertThat(detect("a.yml", "Transform: AWS::Serverless-2016-10-31\nResources: {}\n"))
                .isEqualTo(Format.SAM);
        assertThat(detect("a.yml", "Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\nResources: {}\n"))
                .isEqualTo(Format.SAM);
        assertThat(detect("a.yml", "Resources: {F: {Type: AWS::Serverless::Function}}\n"))
                .isEqualTo(Format.SAM);
        assertThat(detect("a.yml", "Transform: AWS::Serverless-2016-10-31\nParameters: {}\n"))
                .isEqualTo(Format.SAM);
    }

    @Test
    void recognisesPolicyDocumentsAndTheirWrappers() throws Exception {
        assertThat(detect(
                        "p.json",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                + "\"Resource\":\"*\"}]}"))
                .isEqualTo(Format.IAM_POLICY);
        assertThat(detect("p.json", "{\"Statement\":{\"Effect\":\"Deny\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}}"))
                .isEqualTo(Format.IAM_POLICY);
        assertThat(detect(
                        "p.json", "{\"PolicyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}}"))
                .isEqualTo(Format.IAM_POLICY);
        assertThat(detect(
                        "p.json",
                        "{\"PolicyVersion\":{\"VersionId\":\"v1\",\"Document\":{\"Version\":\"2012-10-17\","
                                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}}}"))
                .isEqualTo(Format.IAM_POLICY);
    }

    @Test
    void skipsOtherDocuments() throws Exception {
        assertThat(detect("package.json", "{\"name\":\"x\",\"version\":\"1.0.0\"}"))
                .isNull();
        assertThat(detect("a.json", "{\"Statement\":\"hello\"}")).isNull();
        assertThat(detect("a.json", "[1,2]")).isNull();
        assertThat(detect("a.yml", "version: 2\njobs: {}\n")).isNull();
    }

    @Test
    void wrappedPolicyIsLoweredToOneManagedPolicyAtTheDocument() throws Exception {
        String text = "{\n  \"PolicyVersion\": {\n    \"Document\": {\n      \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Action\": \"iam:*\", \"Resource\": \"*\"}]\n    }\n  }\n}\n";
        MapNode root = Templates.read("dir/admin.json", text);
        CfnTemplate t = Lowering.lower(FormatDetector.detect(root), "dir/admin.json", root, LoweringContext.empty());
        CfnResource p = t.resource("admin");
        assertThat(p.type()).isEqualTo("AWS::IAM::ManagedPolicy");
        assertThat(p.properties().map("PolicyDocument").has("Statement")).isTrue();
        assertThat(p.location().line()).isEqualTo(3);
    }

    @Test
    void jsonCloudFormationTemplatesLowerLikeYaml() throws Exception {
        CfnTemplate t = Templates.lower("t.json", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "Fn": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": {
                        "Handler": "a.b",
                        "Runtime": "nodejs20.x",
                        "Role": {"Fn::GetAtt": ["R", "Arn"]}
                      }
                    }
                  }
                }
                """);
        CfnResource fn = t.resource("Fn");
        assertThat(fn.type()).isEqualTo("AWS::Lambda::Function");
        assertThat(fn.location().line()).isEqualTo(5);
        assertThat(fn.properties().get("Runtime").location().line()).isEqualTo(9);
    }
}
