/**
 * The durable append-only event log between ingest and the detection pipeline.
 *
 * <p>Ingest calls {@link dev.vigil.server.log.EventLog#append} and acknowledges its client only when the returned
 * future completes: by then the records are on disk (one {@code fsync} covers every append that arrived in the same
 * group-commit window). The pipeline reads with a {@link dev.vigil.server.log.LogReader} from the offset kept in a
 * {@link dev.vigil.server.log.ConsumerPosition} and commits that position after it has stored the results, so a
 * crash or {@code kill -9} loses nothing acknowledged and a restart resumes where the pipeline stopped
 * (at-least-once; the store makes replays idempotent).
 *
 * <h2>Offsets</h2>
 *
 * Every record has a global offset: a {@code long} that starts at 0 and grows by one per record, never reused, across
 * segments and restarts. Offsets, not file positions, are what readers and checkpoints speak.
 *
 * <h2>On disk</h2>
 *
 * A log is a directory of segment files named after the offset of their first record ({@code
 * 00000000000000000000.log}, twenty digits so names sort like offsets) and a lock file ({@code .lock}). A segment
 * starts with a 16-byte header (magic {@code VGLG}, format version, base offset) followed by frames:
 *
 * <pre>
 * int32  payload length (big-endian, 0 .. maxRecordBytes)
 * int32  CRC32C of the length field and the payload
 * bytes  payload
 * </pre>
 *
 * Only the last segment is ever written; a segment is forced to disk before the next one is created, so on open only
 * the last segment can have a torn tail, which is truncated (those bytes were never acknowledged).
 */
package dev.vigil.server.log;
