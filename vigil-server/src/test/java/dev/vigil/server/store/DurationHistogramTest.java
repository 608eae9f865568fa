package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void bucketsTileTheNumberLineWithoutGaps() {
        for (int b = 0; b < 400; b++) {
            assertThat(DurationHistogram.lowerBound(b + 1)).isEqualTo(DurationHistogram.upperBound(b) + 1);
            assertThat(DurationHistogram.bucketOf(DurationHistogram.lowerBound(b)))
                    .isEqualTo(b);
            assertThat(DurationHistogram.bucketOf(DurationHistogram.upperBound(b)))
                    .isEqualTo(b);
        }
        assertThat(DurationHistogram.bucketOf(-5)).isZero();
        assertThat(DurationHistogram.bucketOf(Long.MAX_VALUE)).isLessThan(500);
    }

    @Test
    void bucketWidthIsAtMostAnEighthOfItsLowerBound() {
        for (int b = 16; b < 400; b++) {
            long width = DurationHistogram.upperBound(b) - DurationHistogram.lowerBound(b) + 1;
            assertThat(width * 8).isLessThanOrEqualTo(DurationHistogram.lowerBound(b));
        }
    }

    @Test
    void percentilesAreWithinSevenPercent() {
        Random random = new Random(7);
        long[] values = new long[10_000];
        DurationHistogram h = new DurationHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextGaussian() * 1.5 + 9); // log-normal around 8 ms
            h.add(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat((double) h.percentile(q)).isBetween(exact * 0.93, exact * 1.07);
        }
        assertThat(new DurationHistogram().percentile(0.5)).isZero();
        assertThatThrownBy(() -> h.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
