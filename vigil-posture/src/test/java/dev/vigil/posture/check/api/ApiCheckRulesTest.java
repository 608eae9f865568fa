package dev.vigil.posture.check.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiCheckRulesTest {

    @Test
    void sourceArnWildcards() {
        assertThat(PublicLambdaViaApiGatewayCheck.wildcard("arn:aws:execute-api:eu-west-1:1:abc/*/*"))
                .isTrue();
        assertThat(PublicLambdaViaApiGatewayCheck.wildcard(
                        "!Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/*"))
                .isTrue();
        assertThat(PublicLambdaViaApiGatewayCheck.wildcard("arn:aws:execute-api:eu-west-1:1:*/prod/GET/x"))
                .isTrue();
        assertThat(PublicLambdaViaApiGatewayCheck.wildcard("arn:aws:execute-api:eu-west-1:1:abc/prod/GET/orders"))
                .isFalse();
        assertThat(PublicLambdaViaApiGatewayCheck.wildcard("arn:aws:execute-api:eu-west-1:1:abc/*/GET/orders"))
                .isFalse();
    }

    @Test
    void compressionSizeBounds() {
        assertThat(ApiCompressionCheck.valid("0")).isTrue();
        assertThat(ApiCompressionCheck.valid("10485759")).isTrue();
        assertThat(ApiCompressionCheck.valid("10485760")).isFalse();
        assertThat(ApiCompressionCheck.valid("-1")).isFalse();
        assertThat(ApiCompressionCheck.valid("big")).isFalse();
    }
}
