package dev.vigil.detect.correlation;

/**
 * Where correlation windows live. In memory for {@code vigil hunt} and {@code vigil serve}; a Kafka Streams state
 * store later. Implementations bound their memory and expire windows.
 */
public interface CorrelationStore {
    // Shape defined by the correlation engine's implementation.
}
