package dev.vigil.shield.inspect;

/** Which part of an event an extracted value came from; policies and detectors may treat parts differently. */
public enum Source {
    /** An HTTP path or path parameter. */
    PATH,
    /** An HTTP query-string parameter (name or value). */
    QUERY,
    /** An HTTP header value (or a header name that is not a standard one). */
    HEADER,
    /** An HTTP cookie value. */
    COOKIE,
    /** An HTTP body, or a value inside it (JSON leaf, form field, multipart text part). */
    BODY,
    /** A queue, topic or stream message payload, or a value inside it. */
    MESSAGE,
    /** Message or record attributes (SQS/SNS message attributes, EventBridge detail fields). */
    ATTRIBUTE,
    /** A storage object key or name (S3 keys, DynamoDB keys). */
    KEY,
    /** Anything else found by the generic JSON walk. */
    OTHER
}
