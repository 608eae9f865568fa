package dev.vigil.shield.aws.events;

import dev.vigil.core.telemetry.Trigger;
import dev.vigil.shield.inspect.HttpRequestView;
import dev.vigil.shield.inspect.InputSink;
import java.util.Map;

/**
 * Understands one AWS event shape: recognises it and finds every attacker-controlled string in it, with its
 * location. Adapters are stateless singletons, tried in the order of {@link EventAdapters#ALL}.
 */
public interface EventAdapter {

    /** The trigger this adapter understands. */
    Trigger trigger();

    /** Whether {@code event} has this adapter's shape. Must be cheap: it runs on every invocation. */
    boolean matches(Map<String, Object> event);

    /** Reports every attacker-controlled value of {@code event} to {@code sink}. Never throws on odd shapes. */
    void extract(Map<String, Object> event, InputSink sink);

    /** The HTTP request, for HTTP triggers; {@code null} for others. */
    default HttpRequestView http(Map<String, Object> event) {
        return null;
    }

    /**
     * The field holding the batch records ({@code Records} for SQS, Kinesis and DynamoDB Streams), or {@code null}
     * when the trigger is not a batch.
     */
    default String recordsField() {
        return null;
    }

    /**
     * The identifier a partial batch response uses for record {@code index} ({@code messageId} for SQS,
     * {@code kinesis.sequenceNumber}, {@code dynamodb.SequenceNumber}), or {@code null}.
     */
    default String recordId(Map<String, Object> record) {
        return null;
    }
}
