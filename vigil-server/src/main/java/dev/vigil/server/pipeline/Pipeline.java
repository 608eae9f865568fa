package dev.vigil.server.pipeline;

import dev.vigil.detect.input.EventParser;
import dev.vigil.server.log.ConsumerPosition;
import dev.vigil.server.log.EventLog;
import dev.vigil.server.log.LogReader;
import dev.vigil.server.log.LogRecord;
import dev.vigil.server.store.EventArchive;
import dev.vigil.server.store.RuleStateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The consumer: one thread that reads the event log from the committed {@link ConsumerPosition}, runs each batch
 * through {@link BatchProcessor}, stores it with a {@link BatchWriter}, and only then commits the position. A store
 * or log failure is retried with exponential backoff and the position does not move; a malformed record is counted
 * and skipped. {@link #start}/{@link #stop} run it on its own thread; {@link #runUntilCaughtUp} runs it on the
 * caller's (tests, tools), never both at once.
 */
public final class Pipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());

    private final EventLog log;
    private final ConsumerPosition position;
    private final BatchProcessor processor;
    private final BatchWriter writer;
    private final DetectionRules rules;
    private final Supplier<Set<String>> disabledRules;
    private final EventArchive archive;
    private final PipelineOptions options;
    private final Clock clock;
    private final Counters counters = new Counters();
    private final Object sleeper = new Object();

    private LogReader reader;
    private long nextRuleReload = Long.MIN_VALUE;
    private long nextRetention;
    private volatile boolean reloadRequested;
    private volatile boolean running;
    private Thread thread;

    /**
     * A pipeline.
     *
     * @param log the event log to consume
     * @param position this consumer's committed position
     * @param decoder removes the ingest envelope
     * @param rules the rules to run
     * @param ruleStates where rules are disabled, or {@code null} for all enabled
     * @param writer stores each batch (usually {@link StoreBatchWriter})
     * @param archive the raw-event archive to keep bounded, or {@code null} for no archive retention
     * @param options batching, retry and retention
     * @param clock for retention and reload times
     */
    public Pipeline(
            EventLog log,
            ConsumerPosition position,
            RecordDecoder decoder,
            DetectionRules rules,
            RuleStateStore ruleStates,
            BatchWriter writer,
            EventArchive archive,
            PipelineOptions options,
            Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.position = Objects.requireNonNull(position, "position");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.archive = archive;
        this.disabledRules = ruleStates == null ? Set::of : ruleStates::disabled;
        this.processor = new BatchProcessor(decoder, rules, EventParser.defaults(), options.archiveMode());
        this.nextRetention = clock.millis() + options.retentionEvery().toMillis();
    }

    /** Starts the consumer thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("pipeline already started");
        }
        running = true;
        thread = new Thread(this::run, "vigil-pipeline");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the consumer thread after its current step and waits for it. A batch being retried is abandoned without
     * committing; the next start processes it again.
     *
     * @throws InterruptedException interrupted while waiting
     */
    public synchronized void stop() throws InterruptedException {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (thread != null) {
            thread.join();
            thread = null;
        }
        closeReader();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Re-reads the disabled rules before the next batch. */
    public void reloadRuleStates() {
        reloadRequested = true;
    }

    /** The counters now. */
    public PipelineStats stats() {
        return counters.snapshot(position.committedOr(log.startOffset()), log.endOffset());
    }

    /**
     * Processes batches on the calling thread until the log has no more durable records. Store failures are retried
     * as on the thread. Not while {@link #start started}.
     *
     * @return the number of batches processed
     * @throws IOException the log cannot be read or the position cannot be committed
     */
    public int runUntilCaughtUp() throws IOException, InterruptedException {
        if (thread != null) {
            throw new IllegalStateException("pipeline is running on its own thread");
        }
        running = true;
        try {
            int batches = 0;
            while (step()) {
                batches++;
            }
            return batches;
        } finally {
            running = false;
            closeReader();
        }
    }

    private void run() {
        long failures = 0;
        while (running) {
            try {
                if (!step() && running && reader != null) {
                    log.awaitRecord(reader.nextOffset(), options.idleWait());
                }
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                counters.storeFailures.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "pipeline: reading the event log failed; retrying", e);
                closeReader();
                if (!pause(backoff(failures++))) {
                    return;
                }
            }
        }
    }

    /** Processes one batch; false when there was none (caught up) or the pipeline was stopped. */
    private boolean step() throws IOException, InterruptedException {
        reloadRuleStatesIfDue();
        if (reader == null) {
            long from = Math.max(position.committedOr(log.startOffset()), log.startOffset());
            reader = log.reader(from);
        }
        List<LogRecord> records = reader.poll(options.maxBatchRecords(), options.maxBatchBytes());
        if (records.isEmpty()) {
            return false;
        }
        ProcessedBatch batch = processor.process(records);
        StoreWriteResult result = store(batch);
        if (result == null) {
            closeReader();
            return false;
        }
        position.commit(batch.nextOffset());
        counters.add(batch, result);
        retentionIfDue();
        return true;
    }

    /** Writes {@code batch}, retrying with backoff until it is stored; null when stopped first. */
    private StoreWriteResult store(ProcessedBatch batch) {
        for (long failures = 0; ; failures++) {
            try {
                return writer.write(batch);
            } catch (RuntimeException e) {
                counters.storeFailures.incrementAndGet();
                String message = "pipeline: storing records up to offset " + batch.nextOffset() + " failed ("
                        + (failures + 1) + " times); retrying";
                if (failures == 0) {
                    LOG.log(System.Logger.Level.WARNING, message, e);
                } else {
                    LOG.log(System.Logger.Level.WARNING, message + ": " + e);
                }
                if (!pause(backoff(failures))) {
                    return null;
                }
            }
        }
    }

    private Duration backoff(long failures) {
        long initial = Math.max(1, options.retryInitial().toMillis());
        long max = Math.max(initial, options.retryMax().toMillis());
        long wait = failures >= 30 ? max : Math.min(max, initial << failures);
        return Duration.ofMillis(wait);
    }

    /** Waits {@code duration} or until stopped; false when stopped. */
    private boolean pause(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        synchronized (sleeper) {
            while (running) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void reloadRuleStatesIfDue() {
        long now = clock.millis();
        if (!reloadRequested && now < nextRuleReload) {
            return;
        }
        reloadRequested = false;
        nextRuleReload = now + options.ruleStateReload().toMillis();
        try {
            rules.disable(disabledRules.get());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pipeline: reading rule states failed; keeping the previous ones", e);
        }
    }

    private void retentionIfDue() {
        long now = clock.millis();
        if (now < nextRetention) {
            return;
        }
        nextRetention = now + options.retentionEvery().toMillis();
        try {
            if (archive != null && options.archiveMaxRows() > 0) {
                archive.keepNewest(options.archiveMaxRows());
            }
            if (archive != null && options.archiveMaxAge() != null) {
                archive.deleteReceivedBefore(now - options.archiveMaxAge().toMillis());
            }
            if (options.logRetention() != null) {
                log.retain(options.logRetention(), position.committedOr(log.startOffset()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pipeline: retention failed; will try again", e);
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "pipeline: closing the log reader failed", e);
            }
            reader = null;
        }
    }

    /** The running totals behind {@link PipelineStats}. */
    private static final class Counters {
        final AtomicLong recordsRead = new AtomicLong();
        final AtomicLong parsed = new AtomicLong();
        final AtomicLong unrecognised = new AtomicLong();
        final AtomicLong malformed = new AtomicLong();
        final AtomicLong matched = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong replayed = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong storeFailures = new AtomicLong();

        void add(ProcessedBatch batch, StoreWriteResult result) {
            recordsRead.addAndGet(batch.records());
            parsed.addAndGet(batch.parsed());
            unrecognised.addAndGet(batch.unrecognised());
            malformed.addAndGet(batch.malformed());
            matched.addAndGet(batch.detections().size());
            created.addAndGet(result.created());
            updated.addAndGet(result.updated());
            replayed.addAndGet(result.replayed());
            batches.incrementAndGet();
        }

        PipelineStats snapshot(long position, long logEnd) {
            return new PipelineStats(
                    recordsRead.get(),
                    parsed.get(),
                    unrecognised.get(),
                    malformed.get(),
                    matched.get(),
                    created.get(),
                    updated.get(),
                    replayed.get(),
                    batches.get(),
                    storeFailures.get(),
                    position,
                    logEnd);
        }
    }
}
