package dev.vigil.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Reproducible randomized tests with plain JUnit: a property is checked on {@code tries} inputs drawn from a
 * {@link Random} seeded with {@link #seed()}, so every run sees the same inputs. A failure is rethrown as an
 * {@link AssertionError} naming the seed, the try and the input; rerun with {@code -Dvigil.test.seed=<seed>} to
 * reproduce it, or with another seed to explore other inputs.
 *
 * <p>The small generators below draw strings, numbers, choices and lists from a given {@link Random}.
 */
public final class Randomized {

    /** The seed used unless the system property {@code vigil.test.seed} gives another. */
    public static final long BASE_SEED = 20_240_917L;

    private Randomized() {}

    /** Draws one input from the random source. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(Random random);
    }

    /** The property under test; it fails by throwing, typically an assertion error. */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    /** The seed for this run: {@code vigil.test.seed} if set, else {@link #BASE_SEED}. */
    public static long seed() {
        return Long.getLong("vigil.test.seed", BASE_SEED);
    }

    /** Checks {@code property} on {@code tries} inputs from {@code generator}; names seed, try and input on failure. */
    public static <T> void check(int tries, Generator<T> generator, Property<T> property) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.next(random);
            try {
                property.check(input);
            } catch (Exception | AssertionError e) {
                throw new AssertionError(
                        "property failed with seed " + seed + " (-Dvigil.test.seed=" + seed + ") at try " + i + " of "
                                + tries + " on input " + input + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** An int in {@code [min, max]}, both inclusive. */
    public static int between(Random random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A long in {@code [min, max]}, both inclusive. */
    public static long between(Random random, long min, long max) {
        return random.nextLong(min, max + 1);
    }

    /** One of {@code choices}, uniformly. */
    @SafeVarargs
    public static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One of {@code choices}, uniformly. */
    public static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A string of {@code minLength} to {@code maxLength} characters, each drawn uniformly from {@code alphabet}. */
    public static String string(Random random, String alphabet, int minLength, int maxLength) {
        int length = between(random, minLength, maxLength);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A string of at most {@code maxLength} characters, each drawn uniformly from {@code alphabet}. */
    public static String string(Random random, String alphabet, int maxLength) {
        return string(random, alphabet, 0, maxLength);
    }

    /**
     * A string of at most {@code maxLength} characters drawn uniformly from inclusive ranges, given as pairs
     * {@code from, to, from, to, ...}.
     */
    public static String stringInRanges(Random random, int maxLength, char... ranges) {
        StringBuilder alphabet = new StringBuilder();
        for (int r = 0; r < ranges.length; r += 2) {
            for (char c = ranges[r]; c <= ranges[r + 1]; c++) {
                alphabet.append(c);
            }
        }
        return string(random, alphabet.toString(), maxLength);
    }

    /** A list of {@code minSize} to {@code maxSize} elements from {@code element}. */
    public static <T> List<T> list(Random random, int minSize, int maxSize, Function<Random, T> element) {
        int size = between(random, minSize, maxSize);
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(element.apply(random));
        }
        return out;
    }
}
