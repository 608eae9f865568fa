package dev.vigil.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's single writer thread and its bounded queue. Appenders enqueue batches; the thread takes everything waiting
 * (up to {@link EventLogOptions#maxBatchBytes()}), writes it, forces it to disk once, and only then completes the
 * batches' futures: group commit. The queue is bounded in bytes; a full queue refuses appends with {@link
 * LogBehindException} rather than grow.
 */
final class GroupCommitWriter {
    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private final EventLogOptions options;
    private final SegmentSet segments;
    private final ByteBuffer buffer;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
    /** Bytes in {@link #queue}. Guarded by {@link #lock}. */
    private long queuedBytes;
    /** Bytes accepted and not yet durable: queued or being written. Guarded by {@link #lock}. */
    private long pendingBytes;
    /** Guarded by {@link #lock}. */
    private boolean closing;
    /** The error that stopped the writer; volatile to let appenders fail fast. */
    private volatile Throwable failure;

    private final Object durableMonitor = new Object();
    private volatile DurablePosition durable;
    /** Recently measured write-and-force rate in bytes per second, for {@link LogBehindException#retryAfter()}. */
    private volatile double bytesPerSecond = 50e6;

    /** Forces done so far (one per group-commit window), for tests and metrics. */
    private volatile long commitCount;

    /** Writer thread only. */
    private ActiveSegment active;
    /** Writer thread only: records in {@link #buffer} not yet written to {@link #active}. */
    private int bufferedRecords;

    GroupCommitWriter(EventLogOptions options, SegmentSet segments, ActiveSegment active) {
        this.options = options;
        this.segments = segments;
        this.active = active;
        this.durable =
                new DurablePosition(active.baseOffset() + active.recordCount(), active.baseOffset(), active.bytes());
        int capacity = (int) Math.max(options.maxBatchBytes(), Frame.size(options.maxRecordBytes()));
        this.buffer = ByteBuffer.allocateDirect(capacity);
        this.thread = new Thread(this::run, "vigil-event-log-writer " + segments.directory());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    DurablePosition durable() {
        return durable;
    }

    long commitCount() {
        return commitCount;
    }

    long pendingBytes() {
        lock.lock();
        try {
            return pendingBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a batch whose frames take {@code frameBytes}; see {@link EventLog#append(List)}. */
    CompletableFuture<AppendResult> enqueue(byte[][] records, long frameBytes) {
        PendingAppend append = new PendingAppend(records, frameBytes);
        lock.lock();
        try {
            checkOpen();
            if (pendingBytes + frameBytes > options.maxPendingBytes()) {
                throw new LogBehindException(pendingBytes, frameBytes, options.maxPendingBytes(), retryAfter());
            }
            queue.add(append);
            queuedBytes += frameBytes;
            pendingBytes += frameBytes;
            appended.signal();
        } finally {
            lock.unlock();
        }
        return append.future;
    }

    private void checkOpen() {
        if (failure != null) {
            throw new IllegalStateException(
                    "event log " + segments.directory() + " stopped after a write error", failure);
        }
        if (closing) {
            throw new IllegalStateException("event log " + segments.directory() + " is closed");
        }
    }

    private Duration retryAfter() {
        double seconds = pendingBytes / bytesPerSecond;
        Duration estimate = Duration.ofMillis((long) Math.ceil(seconds * 1000));
        return estimate.compareTo(MIN_RETRY_AFTER) < 0
                ? MIN_RETRY_AFTER
                : estimate.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : estimate;
    }

    /** Waits until the record at {@code offset} is durable; false if {@code timeout} passes first. */
    boolean awaitDurable(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (durableMonitor) {
            while (durable.nextOffset() <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || failure != null) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(durableMonitor, left);
            }
            return true;
        }
    }

    /** Writes and forces everything accepted so far, stops the thread and closes the active segment. */
    void close() throws IOException {
        lock.lock();
        try {
            closing = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing event log " + segments.directory(), e);
        } finally {
            active.close();
        }
        Throwable failed = failure;
        if (failed != null) {
            throw new IOException("event log " + segments.directory() + " stopped after a write error", failed);
        }
    }

    private void run() {
        List<PendingAppend> batch = new ArrayList<>();
        while (true) {
            long batchBytes;
            try {
                batchBytes = takeBatch(batch);
            } catch (InterruptedException e) {
                fail(batch, e);
                return;
            }
            if (batch.isEmpty()) {
                return; // closing and drained
            }
            try {
                long started = System.nanoTime();
                writeAndForce(batch);
                recordRate(batchBytes, System.nanoTime() - started);
            } catch (Throwable e) {
                fail(batch, e);
                return;
            }
            lock.lock();
            try {
                pendingBytes -= batchBytes;
            } finally {
                lock.unlock();
            }
            for (PendingAppend append : batch) {
                append.future.complete(new AppendResult(append.firstOffset, append.records.length));
            }
            batch.clear();
        }
    }

    /** Moves the next group-commit window's appends into {@code batch}; empty when closing with nothing left. */
    private long takeBatch(List<PendingAppend> batch) throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                appended.await();
            }
            long lingerNanos = options.maxBatchWait().toNanos();
            if (lingerNanos > 0 && !queue.isEmpty()) {
                long deadline = System.nanoTime() + lingerNanos;
                long left = lingerNanos;
                while (!closing && queuedBytes < options.maxBatchBytes() && left > 0) {
                    appended.awaitNanos(left);
                    left = deadline - System.nanoTime();
                }
            }
            long batchBytes = 0;
            while (!queue.isEmpty()
                    && (batch.isEmpty() || batchBytes + queue.peek().frameBytes <= options.maxBatchBytes())) {
                PendingAppend append = queue.poll();
                batch.add(append);
                batchBytes += append.frameBytes;
            }
            queuedBytes -= batchBytes;
            return batchBytes;
        } finally {
            lock.unlock();
        }
    }

    private void writeAndForce(List<PendingAppend> batch) throws IOException {
        for (PendingAppend append : batch) {
            append.firstOffset = nextOffset();
            for (byte[] record : append.records) {
                appendFrame(record);
            }
        }
        flushBuffer();
        active.force();
        commitCount++;
        DurablePosition position = new DurablePosition(nextOffset(), active.baseOffset(), active.bytes());
        synchronized (durableMonitor) {
            durable = position;
            durableMonitor.notifyAll();
        }
    }

    private long nextOffset() {
        return active.baseOffset() + active.recordCount() + bufferedRecords;
    }

    private void appendFrame(byte[] record) throws IOException {
        long frameBytes = Frame.size(record.length);
        boolean segmentHasRecords = active.recordCount() + bufferedRecords > 0;
        if (segmentHasRecords && active.bytes() + buffer.position() + frameBytes > options.maxSegmentBytes()) {
            roll();
        }
        if (buffer.remaining() < frameBytes) {
            flushBuffer();
        }
        Frame.write(buffer, record);
        bufferedRecords++;
    }

    /** Seals the active segment (forced before the next exists, so only the last segment can ever be torn). */
    private void roll() throws IOException {
        flushBuffer();
        active.force();
        long next = nextOffset();
        active.close();
        active = ActiveSegment.create(segments, next);
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        active.write(buffer, bufferedRecords);
        buffer.clear();
        bufferedRecords = 0;
    }

    private void recordRate(long bytes, long nanos) {
        if (nanos > 0 && bytes > 0) {
            double rate = bytes * 1e9 / nanos;
            bytesPerSecond = 0.8 * bytesPerSecond + 0.2 * rate;
        }
    }

    /** Stops the log for good: a write error leaves the segment's tail unknown until the next open recovers it. */
    private void fail(List<PendingAppend> batch, Throwable error) {
        List<PendingAppend> failed = new ArrayList<>(batch);
        lock.lock();
        try {
            failure = error;
            failed.addAll(queue);
            queue.clear();
            queuedBytes = 0;
            pendingBytes = 0;
        } finally {
            lock.unlock();
        }
        synchronized (durableMonitor) {
            durableMonitor.notifyAll();
        }
        IOException cause = new IOException("event log " + segments.directory() + " write failed", error);
        for (PendingAppend append : failed) {
            append.future.completeExceptionally(cause);
        }
    }

    /** A batch waiting for the writer. */
    private static final class PendingAppend {
        final byte[][] records;
        final long frameBytes;
        final CompletableFuture<AppendResult> future = new CompletableFuture<>();
        /** Set by the writer thread before the future completes. */
        long firstOffset;

        PendingAppend(byte[][] records, long frameBytes) {
            this.records = records;
            this.frameBytes = frameBytes;
        }
    }
}
