/**
 * The pipeline: one consumer thread that reads the durable {@link dev.vigil.server.log.EventLog} from its committed
 * {@link dev.vigil.server.log.ConsumerPosition}, decodes each record ({@link dev.vigil.server.pipeline.RecordDecoder},
 * injected so the ingest layer owns its envelope), runs the {@code vigil-detect} Sigma engine over it ({@link
 * dev.vigil.server.pipeline.DetectionRules}), and writes alerts, the functions inventory and the raw-event archive
 * before it commits the position. Delivery is at-least-once; alerts are idempotent on (event offset, rule), so a
 * replay after a crash adds nothing. {@link dev.vigil.server.pipeline.Pipeline} is the entry point.
 */
package dev.vigil.server.pipeline;
