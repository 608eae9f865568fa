package dev.vigil.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventFactsTest {
    @Test
    void functionNamesComeOutOfCloudTrailArns() {
        assertThat(EventFacts.functionName("orders")).isEqualTo("orders");
        assertThat(EventFacts.functionName("arn:aws:lambda:eu-west-1:123456789012:function:orders"))
                .isEqualTo("orders");
        assertThat(EventFacts.functionName("arn:aws:lambda:eu-west-1:123456789012:function:orders:prod"))
                .isEqualTo("orders");
        assertThat(EventFacts.functionName("123456789012:function:orders")).isEqualTo("orders");
    }

    @Test
    void evidenceValuesAreBounded() {
        String longText = "x".repeat(1_000);
        assertThat(DetectionFactory.bounded(longText))
                .hasSize(DetectionFactory.MAX_VALUE_CHARS)
                .endsWith("…");
        assertThat(DetectionFactory.bounded("short")).isEqualTo("short");
    }
}
