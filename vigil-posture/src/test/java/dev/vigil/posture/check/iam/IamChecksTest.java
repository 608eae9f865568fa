package dev.vigil.posture.check.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.check.Finding;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamChecksTest {

    private static List<Finding> findings(String file, String text, String checkId) {
        FileResult r = Scanner.defaults().scanText(file, text, null);
        assertThat(r.error()).isNull();
        return r.findings().stream().filter(f -> f.checkId().equals(checkId)).toList();
    }

    @Test
    void findingsPointAtTheOffendingLine() {
        String yaml = """
                Resources:
                  Fn:
                    Type: AWS::IAM::Role
                    Properties:
                      Policies:
                        - PolicyName: p
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action:
                                  - s3:GetObject
                                  - dynamodb:*
                                Resource: "*"
                """;
        List<Finding> wildcard = findings("t.yaml", yaml, "VGL-IAM-002");
        assertThat(wildcard).singleElement().satisfies(f -> {
            assertThat(f.location().line()).isEqualTo(12);
            assertThat(f.subject()).isEqualTo("Fn");
            assertThat(f.message()).contains("dynamodb:*");
        });
        assertThat(findings("t.yaml", yaml, "VGL-IAM-003"))
                .singleElement()
                .satisfies(f -> assertThat(f.location().line()).isEqualTo(13));
        assertThat(findings("t.yaml", yaml, "VGL-IAM-008"))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("s3:GetObject"));
    }

    @Test
    void privescMessageNamesTheMethod() {
        String json = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"],
                   "Resource": "*"}]}
                """;
        assertThat(findings("deployer.json", json, "VGL-IAM-004"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("deployer");
                    assertThat(f.message())
                            .contains("PassRoleToNewLambdaThenInvoke")
                            .contains("new-passrole");
                });
    }

    @Test
    void manyDistinctNotActionStatementsStayFast() {
        StringBuilder b = new StringBuilder("{\"Version\": \"2012-10-17\", \"Statement\": [");
        for (int i = 0; i < 2000; i++) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"Effect\": \"Allow\", \"NotAction\": \"svc")
                    .append(i)
                    .append(":*\", \"Resource\": \"*\"}");
        }
        b.append("]}");
        long start = System.nanoTime();
        List<Finding> f = findings("hostile.json", b.toString(), "VGL-IAM-010");
        assertThat(f).hasSize(2000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
