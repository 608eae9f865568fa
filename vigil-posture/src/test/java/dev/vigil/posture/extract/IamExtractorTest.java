package dev.vigil.posture.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.posture.model.Deployment;
import dev.vigil.posture.model.IamIdentity;
import dev.vigil.posture.model.ManagedPolicy;
import dev.vigil.posture.model.Role;
import dev.vigil.posture.model.Statement;
import dev.vigil.posture.scan.FileResult;
import dev.vigil.posture.scan.Scanner;
import org.junit.jupiter.api.Test;

class IamExtractorTest {

    private static Deployment model(String yaml) {
        FileResult r = Scanner.defaults().scanText("template.yaml", yaml, null);
        assertThat(r.error()).isNull();
        return r.deployment();
    }

    @Test
    void rolesWithInlineAttachedAndStringTrustPolicies() {
        Deployment d = model("""
                AWSTemplateFormatVersion: "2010-09-09"
                Conditions:
                  Prod: !Equals [!Ref AWS::AccountId, "111122223333"]
                Resources:
                  AppRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: '{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "*"]}, "Action": "sts:AssumeRole"}]}'
                      PermissionsBoundary: arn:aws:iam::aws:policy/PowerUserAccess
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                        - !Ref Shared
                      Policies:
                        - PolicyName: inline
                          PolicyDocument:
                            Statement:
                              Effect: Deny
                              NotAction: s3:*
                              NotResource: !If [Prod, "arn:aws:s3:::prod/*", "arn:aws:s3:::dev/*"]
                  Shared:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement: [{Effect: Allow, Action: sqs:SendMessage, Resource: "*"}]
                  Extra:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: extra
                      Roles: [!Ref AppRole]
                      PolicyDocument:
                        Statement: [{Effect: Allow, Action: [sns:Publish], Resource: "*", Sid: Publish}]
                """);
        Role role = d.role("AppRole").orElseThrow();
        Statement trust = role.trustPolicy().statements().get(0);
        assertThat(trust.principal().anyone()).isTrue();
        assertThat(trust.principal().values("AWS")).hasSize(2);
        assertThat(role.trustPolicy().location().line()).isEqualTo(8);
        assertThat(role.inlinePolicies()).hasSize(2);
        Statement deny = role.inlinePolicies().get(0).statements().get(0);
        assertThat(deny.allow()).isFalse();
        assertThat(deny.notActions()).extracting(v -> v.text()).containsExactly("s3:*");
        assertThat(deny.notResources()).hasSize(2);
        assertThat(role.inlinePolicies().get(1).statements().get(0).sid()).isEqualTo("Publish");
        assertThat(role.attachedPolicyIds()).containsExactly("Shared");
        assertThat(role.permissionsBoundary().text()).endsWith("PowerUserAccess");
        ManagedPolicy extra = d.managedPolicies().stream()
                .filter(p -> p.id().equals("Extra"))
                .findFirst()
                .orElseThrow();
        assertThat(extra.origin()).isEqualTo("AWS::IAM::Policy");
        assertThat(extra.roles()).containsExactly("AppRole");
    }

    @Test
    void usersGroupsAndMemberships() {
        Deployment d = model("""
                Resources:
                  Admins:
                    Type: AWS::IAM::Group
                    Properties:
                      GroupName: admins
                      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
                  Alice:
                    Type: AWS::IAM::User
                    Properties:
                      Groups: [admins]
                  Bob:
                    Type: AWS::IAM::User
                  Membership:
                    Type: AWS::IAM::UserToGroupAddition
                    Properties:
                      GroupName: !Ref Admins
                      Users: [!Ref Bob]
                  Direct:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Users: [!Ref Bob, carol]
                      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
                """);
        IamIdentity alice = d.identities().stream()
                .filter(i -> i.id().equals("Alice"))
                .findFirst()
                .orElseThrow();
        IamIdentity bob = d.identities().stream()
                .filter(i -> i.id().equals("Bob"))
                .findFirst()
                .orElseThrow();
        assertThat(alice.groups()).containsExactly("Admins");
        assertThat(bob.groups()).containsExactly("Admins");
        assertThat(bob.managedPolicyArns()).extracting(v -> v.text()).containsExactly("!Ref Direct");
        ManagedPolicy direct = d.managedPolicies().get(0);
        assertThat(direct.users()).containsExactly("Bob", "carol");
        assertThat(direct.usersLocation()).isNotNull();
    }

    @Test
    void standalonePolicyFileBecomesOneManagedPolicy() {
        FileResult r = Scanner.defaults()
                .scanText(
                        "policies/deploy.json",
                        "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", "
                                + "\"Resource\": \"*\"}}",
                        null);
        assertThat(r.deployment().managedPolicies()).hasSize(1);
        ManagedPolicy p = r.deployment().managedPolicies().get(0);
        assertThat(p.id()).isEqualTo("deploy");
        assertThat(p.origin()).isEqualTo(ManagedPolicy.POLICY_FILE);
        assertThat(p.document().statements()).hasSize(1);
    }
}
