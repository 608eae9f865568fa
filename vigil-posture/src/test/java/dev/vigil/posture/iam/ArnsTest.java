package dev.vigil.posture.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnsTest {

    @Test
    void wildcardMatching() {
        assertThat(Wildcard.matches("s3:get*", "s3:getobject")).isTrue();
        assertThat(Wildcard.matches("s3:get?bject", "s3:getobject")).isTrue();
        assertThat(Wildcard.matches("s3:get*acl", "s3:getobject")).isFalse();
        assertThat(Wildcard.matches("*", "")).isTrue();
        assertThat(Wildcard.matches("a*b*c", "aXbYbZc")).isTrue();
        assertThat(Wildcard.matchesIgnoreCase("IAM:Pass*", "iam:PassRole")).isTrue();
        // Pathological patterns stay linear.
        assertThat(Wildcard.matches("*a*a*a*a*a*a*a*a*b", "a".repeat(5000))).isFalse();
    }

    @Test
    void patternsIntersect() {
        String policyArn = "arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}";
        assertThat(Arns.intersects("arn:aws:iam::*:policy/app-*", policyArn)).isTrue();
        assertThat(Arns.intersects("arn:aws:iam::aws:policy/x*", policyArn)).isTrue();
        assertThat(Arns.intersects("arn:aws:s3:::bucket/*", policyArn)).isFalse();
        assertThat(Arns.intersects("*", policyArn)).isTrue();
        assertThat(Arns.intersects("arn:aws:iam::1?3:role/a", "arn:aws:iam::123:role/*"))
                .isTrue();
        assertThat(Arns.intersects("arn:aws:iam::124:role/a", "arn:aws:iam::123:role/*"))
                .isFalse();
    }

    @Test
    void awsOwnedAndCoverage() {
        assertThat(Arns.awsOwned("arn:aws:iam::aws:policy/AdministratorAccess")).isTrue();
        assertThat(Arns.awsOwned("arn:aws:iam::123456789012:policy/Mine")).isFalse();
        assertThat(Arns.awsOwned("*")).isFalse();
        assertThat(Arns.covers("*", "arn:aws:s3:::b/*")).isTrue();
        assertThat(Arns.covers("arn:aws:s3:::b/*", "arn:aws:s3:::b/private/*")).isTrue();
        assertThat(Arns.covers("arn:aws:s3:::b/private/*", "arn:aws:s3:::b/*")).isFalse();
        assertThat(Arns.covers("arn:aws:s3:::b/x", "arn:aws:s3:::b/x")).isTrue();
    }
}
