package dev.vigil.posture.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usage report over a template read by the real scanner (runs once the Lambda and IAM extractors exist). */
class UsageReportScanTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              OrdersRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                  Policies:
                    - PolicyName: orders
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action: [s3:GetObject, s3:PutObject, s3:DeleteObject]
                            Resource: arn:aws:s3:::orders-in/*
                          - Effect: Allow
                            Action: dynamodb:*
                            Resource: '*'
              OrdersFunction:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders-fn
                  Runtime: java21
                  Handler: com.example.Orders::handle
                  Role: !GetAtt OrdersRole.Arn
                  Code: {S3Bucket: code, S3Key: orders.zip}
            """;

    @Test
    void reportsUnusedGrantsOfAScannedFunction() throws Exception {
        FileResult scanned = Scanner.defaults().scanText("template.yaml", TEMPLATE, null);
        Deployment d = scanned.deployment();
        assumeTrue(
                d != null && !d.functions().isEmpty() && !d.roles().isEmpty(), "Lambda and IAM extractors not merged");
        UsageReport r = UsageReport.compute(
                List.of(d), List.of(Fixtures.file("orders-trail.json"), Fixtures.file("orders-telemetry.jsonl")));
        FunctionUsage u = r.functions().get(0);
        assertThat(u.deployedName()).isEqualTo("orders-fn");
        assertThat(u.role()).isEqualTo("OrdersRole");
        assertThat(u.callsObserved()).isPositive();
        assertThat(u.unused()).contains("s3:DeleteObject").doesNotContain("s3:GetObject", "s3:PutObject");
        assertThat(u.narrowable()).containsKey("dynamodb:*");
        assertThat(u.narrowable().get("dynamodb:*")).contains("dynamodb:PutItem", "dynamodb:GetItem");
        assertThat(u.granted()).contains("logs:CreateLogStream");
    }
}
