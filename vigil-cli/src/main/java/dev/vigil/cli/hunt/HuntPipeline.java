package dev.vigil.cli.hunt;

import dev.vigil.detect.correlation.Observation;
import dev.vigil.detect.engine.CorrelationMatch;
import dev.vigil.detect.engine.RuleMatch;
import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.EventOrigin;
import dev.vigil.detect.input.RawRecord;
import dev.vigil.detect.input.RecordSink;
import dev.vigil.detect.rule.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a hunt: one reader thread cuts the input into batches, {@code threads} workers parse and match them, and the
 * calling thread puts the results back in input order, prints them and, after the input ends, runs the correlations
 * over the time-sorted observations.
 *
 * <p>Memory is bounded: the reader may be at most a fixed number of batches ahead of what has been printed, however
 * slow one batch is, and observations are capped by {@link ObservationBuffer}.
 */
public final class HuntPipeline {
    /** Records per batch. */
    public static final int DEFAULT_BATCH = 512;
    /** Observations held for sorting before correlations fall back to input order. */
    public static final int DEFAULT_MAX_OBSERVATIONS = 5_000_000;

    private final RecordParser parser;
    private final EventMatcher matcher;
    private final Correlator correlator;
    private final HuntFilter filter;
    private final int threads;
    private final int batchSize;
    private final int maxObservations;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong recordsDone = new AtomicLong();
    private final AtomicLong matchesDone = new AtomicLong();

    /** A pipeline with default batch size and observation cap. */
    public HuntPipeline(
            RecordParser parser, EventMatcher matcher, Correlator correlator, HuntFilter filter, int threads) {
        this(parser, matcher, correlator, filter, threads, DEFAULT_BATCH, DEFAULT_MAX_OBSERVATIONS);
    }

    /** A pipeline; {@code threads}, {@code batchSize} and {@code maxObservations} must be at least 1. */
    public HuntPipeline(
            RecordParser parser,
            EventMatcher matcher,
            Correlator correlator,
            HuntFilter filter,
            int threads,
            int batchSize,
            int maxObservations) {
        if (threads < 1 || batchSize < 1 || maxObservations < 1) {
            throw new IllegalArgumentException("threads, batch size and observation cap must be at least 1");
        }
        this.parser = parser;
        this.matcher = matcher;
        this.correlator = correlator;
        this.filter = filter;
        this.threads = threads;
        this.batchSize = batchSize;
        this.maxObservations = maxObservations;
    }

    /** Bytes handed over by the reader so far (for progress). */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** Records whose results were printed so far (for progress). */
    public long recordsDone() {
        return recordsDone.get();
    }

    /** Matches printed so far (for progress). */
    public long matchesDone() {
        return matchesDone.get();
    }

    /**
     * Reads {@code source} to the end and reports to {@code out}; input problems go to {@code problems}, warnings
     * to {@code warn}.
     *
     * @throws IOException when the source fails as a whole or the output cannot be written
     */
    public HuntStats run(RecordSource source, HuntOutput out, ProblemReporter problems, Consumer<String> warn)
            throws IOException {
        long t0 = System.nanoTime();
        int window = 4 + 2 * threads;
        Semaphore ahead = new Semaphore(window);
        BlockingQueue<Batch> work = new ArrayBlockingQueue<>(window + threads);
        BlockingQueue<Result> done = new LinkedBlockingQueue<>();
        Reader reader = new Reader(source, work, done, ahead);
        Thread readerThread = new Thread(reader, "hunt-reader");
        readerThread.setDaemon(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread w = new Thread(() -> work(work, done), "hunt-worker-" + i);
            w.setDaemon(true);
            workers.add(w);
        }
        readerThread.start();
        workers.forEach(Thread::start);

        Emitter emitter = new Emitter(out, problems, warn);
        Map<Long, Result> pending = new HashMap<>();
        long next = 0;
        long total = -1;
        try {
            while (total < 0 || next < total) {
                Result r = take(done);
                if (r.sequence < 0) {
                    total = -r.sequence - 1;
                    continue;
                }
                pending.put(r.sequence, r);
                for (Result ready = pending.remove(next); ready != null; ready = pending.remove(next)) {
                    emitter.emit(ready);
                    ahead.release();
                    next++;
                }
            }
        } catch (RuntimeException | Error e) {
            readerThread.interrupt();
            work.clear();
            for (int i = 0; i < threads; i++) {
                work.offer(Batch.END);
            }
            throw e;
        }
        for (int i = 0; i < threads; i++) {
            work.offer(Batch.END);
        }
        for (Thread w : workers) {
            join(w);
        }
        join(readerThread);
        if (reader.failure != null) {
            throw reader.failure;
        }
        emitter.finishCorrelations();
        out.finish();
        return new HuntStats(
                emitter.records,
                emitter.bytes,
                problems.count(),
                emitter.matches,
                emitter.correlations,
                emitter.hidden,
                emitter.outOfRange,
                emitter.buffer.fed(),
                emitter.highest,
                System.nanoTime() - t0);
    }

    private void work(BlockingQueue<Batch> work, BlockingQueue<Result> done) {
        while (true) {
            Batch b = take(work);
            if (b == Batch.END) {
                return;
            }
            Result r;
            try {
                r = process(b);
            } catch (RuntimeException | StackOverflowError e) {
                r = new Result(b.sequence);
                r.problems.add(new Problem(EventOrigin.NONE, "a batch of records was lost: " + e));
            }
            done.add(r);
        }
    }

    private Result process(Batch batch) {
        Result r = new Result(batch.sequence);
        r.problems.addAll(batch.problems);
        List<RuleMatch> matches = new ArrayList<>(4);
        for (int i = 0; i < batch.records.size(); i++) {
            RawRecord record = batch.records.get(i);
            long ordinal = batch.firstOrdinal + i;
            r.records++;
            r.bytes += record.length();
            Event event;
            try {
                event = parser.parse(record);
            } catch (RecordParser.UnreadableRecordException e) {
                r.problems.add(new Problem(record.origin(), e.getMessage()));
                continue;
            } catch (RuntimeException e) {
                r.problems.add(new Problem(record.origin(), "parser failed: " + e));
                continue;
            }
            matches.clear();
            try {
                matcher.match(event, matches::add);
            } catch (RuntimeException e) {
                r.problems.add(new Problem(record.origin(), "rule evaluation failed: " + e));
            }
            for (RuleMatch m : matches) {
                collect(m, ordinal, r);
            }
        }
        return r;
    }

    private void collect(RuleMatch m, long ordinal, Result r) {
        if (!filter.inRange(m.timeMillis())) {
            r.outOfRange++;
            return;
        }
        String key = m.info().key();
        if (correlator.isReferenced(key)) {
            r.observations.addAll(correlator.observe(m, ordinal));
        }
        if (filter.reports(m.info(), correlator.generatesAlerts(key))) {
            r.hits.add(Hit.of(m));
        } else {
            r.hidden++;
        }
    }

    /** Prints results in sequence order, on the calling thread. */
    private final class Emitter {
        final HuntOutput out;
        final ProblemReporter problems;
        final ObservationBuffer buffer;
        final List<CorrelationMatch> fired = new ArrayList<>();
        long records;
        long bytes;
        long matches;
        long correlations;
        long hidden;
        long outOfRange;
        Level highest;

        Emitter(HuntOutput out, ProblemReporter problems, Consumer<String> warn) {
            this.out = out;
            this.problems = problems;
            this.buffer = new ObservationBuffer(correlator, maxObservations, fired::add, warn);
        }

        void emit(Result r) {
            for (Problem p : r.problems) {
                problems.report(p.where.toString(), p.reason);
            }
            records += r.records;
            bytes += r.bytes;
            hidden += r.hidden;
            outOfRange += r.outOfRange;
            try {
                for (Hit h : r.hits) {
                    out.hit(h);
                    matches++;
                    raise(h.info().level());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.add(r.observations);
            recordsDone.set(records);
            matchesDone.set(matches);
        }

        void finishCorrelations() throws IOException {
            buffer.finish();
            for (CorrelationMatch m : fired) {
                // a correlation that only feeds another correlation with generate: false is hidden like a base rule
                if (!filter.reports(
                        m.info(), correlator.generatesAlerts(m.info().key()))) {
                    hidden++;
                    continue;
                }
                out.correlation(m);
                correlations++;
                raise(m.info().level());
            }
        }

        private void raise(Level level) {
            if (highest == null || level.compareTo(highest) > 0) {
                highest = level;
            }
        }
    }

    /** Cuts records into batches on the reader thread. */
    private final class Reader implements Runnable, RecordSink {
        final RecordSource source;
        final BlockingQueue<Batch> work;
        final BlockingQueue<Result> done;
        final Semaphore ahead;
        volatile IOException failure;
        Batch current;
        long sequence;
        long ordinal;

        Reader(RecordSource source, BlockingQueue<Batch> work, BlockingQueue<Result> done, Semaphore ahead) {
            this.source = source;
            this.work = work;
            this.done = done;
            this.ahead = ahead;
            this.current = new Batch(0, 0, batchSize);
        }

        @Override
        public void run() {
            try {
                source.read(this);
            } catch (Stopped e) {
                return;
            } catch (IOException e) {
                failure = e;
            } catch (UncheckedIOException e) {
                failure = e.getCause();
            } catch (RuntimeException e) {
                failure = new IOException("reading failed: " + e, e);
            }
            try {
                if (!current.isEmpty()) {
                    ship();
                }
            } catch (Stopped e) {
                return;
            }
            done.add(new Result(-sequence - 1));
        }

        @Override
        public void record(RawRecord record) {
            bytesRead.addAndGet(record.length());
            current.records.add(record);
            ordinal++;
            if (current.records.size() >= batchSize) {
                ship();
            }
        }

        @Override
        public void problem(EventOrigin where, String reason) {
            current.problems.add(new Problem(where, reason));
        }

        private void ship() {
            try {
                ahead.acquire();
                work.put(current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
            sequence++;
            current = new Batch(sequence, ordinal, batchSize);
        }
    }

    /** Thrown inside the reader when the run was abandoned. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private static final class Batch {
        static final Batch END = new Batch(-1, 0, 0);
        final long sequence;
        final long firstOrdinal;
        final List<RawRecord> records;
        final List<Problem> problems = new ArrayList<>(0);

        Batch(long sequence, long firstOrdinal, int capacity) {
            this.sequence = sequence;
            this.firstOrdinal = firstOrdinal;
            this.records = new ArrayList<>(capacity);
        }

        boolean isEmpty() {
            return records.isEmpty() && problems.isEmpty();
        }
    }

    private static final class Result {
        final long sequence;
        final List<Hit> hits = new ArrayList<>();
        final List<Observation> observations = new ArrayList<>(0);
        final List<Problem> problems = new ArrayList<>(0);
        long records;
        long bytes;
        long hidden;
        long outOfRange;

        Result(long sequence) {
            this.sequence = sequence;
        }
    }

    private record Problem(EventOrigin where, String reason) {}

    private static <T> T take(BlockingQueue<T> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("hunt interrupted", e);
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
