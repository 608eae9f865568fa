package dev.vigil.posture.check.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Statement;
import dev.vigil.posture.scan.Scanner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyExposureTest {

    private static Statement statement(String principal, String condition) {
        String yaml = """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  P:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [!Ref Q]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: %s
                            Action: sqs:SendMessage
                            Resource: "*"
                            %s
                """.formatted(principal, condition.isEmpty() ? "" : "Condition: " + condition);
        return Scanner.defaults()
                .scanText("p.yaml", yaml, null)
                .deployment()
                .resourcePolicies()
                .get(0)
                .document()
                .statements()
                .get(0);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "'*'|\"\"|true",
                "{AWS: '*'}|\"\"|true",
                "{AWS: ['arn:aws:iam::1:root', '*']}|\"\"|true",
                "{AWS: 'arn:aws:iam::1:root'}|\"\"|false",
                "{Service: sns.amazonaws.com}|\"\"|false",
                "'*'|{ArnEquals: {aws:SourceArn: 'arn:aws:sns:eu-west-1:1:t'}}|false",
                "'*'|{StringEquals: {AWS:SourceAccount: '111122223333'}}|false",
                "'*'|{StringEquals: {aws:PrincipalOrgID: o-1}}|false",
                "'*'|{IpAddress: {aws:SourceIp: 10.0.0.0/8}}|false",
                "'*'|{IpAddress: {aws:SourceIp: 0.0.0.0/0}}|true",
                "'*'|{StringLike: {aws:Referer: 'https://x/*'}}|true",
                "'*'|{StringNotEquals: {aws:SourceAccount: '1'}}|true",
                "'*'|{StringEqualsIfExists: {aws:SourceAccount: '1'}}|true",
                "'*'|{Bool: {aws:SecureTransport: true}}|true",
                "'*'|{StringLike: {aws:SourceArn: '*'}}|true",
                "'*'|{ForAnyValue:StringEquals: {aws:PrincipalOrgPaths: ['o-1/r-1/*']}}|false",
            })
    void publicUnlessPinned(String principal, String condition, boolean expected) {
        assertThat(PolicyExposure.isPublic(statement(principal, condition))).isEqualTo(expected);
    }
}
