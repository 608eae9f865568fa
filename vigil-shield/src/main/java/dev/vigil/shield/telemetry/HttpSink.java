package dev.vigil.shield.telemetry;

import dev.vigil.core.telemetry.FunctionInfo;
import dev.vigil.core.telemetry.TelemetryEvent;
import dev.vigil.core.telemetry.TelemetryJson;
import dev.vigil.core.telemetry.VigilError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.GZIPOutputStream;

/**
 * Sends events to a Vigil collector: batches of JSON lines POSTed to one endpoint URL.
 *
 * <p><b>Hand-off.</b> {@link #emit} puts the event on a bounded queue and returns; when the queue is full the event is
 * dropped and counted. A single daemon thread named {@value #THREAD_NAME}, started on the first emit, takes events
 * off the queue and sends them: at once when a full batch ({@code batchSize} events) is waiting, when {@link #flush}
 * asks for it, or when the oldest waiting event has lingered for a second.
 *
 * <p><b>Request.</b> {@code POST} with {@code Content-Type: application/x-ndjson}, one event per line, each line ended
 * by {@code \n}; the body is gzipped ({@code Content-Encoding: gzip}) when it is larger than {@value
 * #GZIP_THRESHOLD_BYTES} bytes; {@code Authorization: Bearer <token>} when a token is set. The token is never written
 * anywhere else. Timeouts: 1 s to connect, 2 s to read the response.
 *
 * <p><b>Failures.</b> Any 2xx answer delivers the batch. A network error, a 5xx, 408 or 429 answer is retried once
 * after a short pause (or after {@code Retry-After} seconds for 429 and 503, capped at 2 s); other answers are not
 * retried because they would fail again. A batch that still fails is dropped and counted. Delivery is therefore at
 * most once.
 *
 * <p><b>Reporting drops.</b> Every drop is counted in {@link #dropped()}. At the end of each {@link #flush} (and of
 * {@link #close}), if anything was dropped since the last report, one {@link VigilError} with code {@value
 * #DROPPED_CODE}, component {@value #COMPONENT} and {@code count} = the drops since the last report is emitted to the
 * fallback sink (typically the {@link StdoutSink}). The fallback is not closed by this sink.
 */
public final class HttpSink implements TelemetrySink {

    private static final java.util.function.LongBinaryOperator MAX = new java.util.function.LongBinaryOperator() {
        @Override
        public long applyAsLong(long a, long b) {
            return Math.max(a, b);
        }
    };

    /** The name of the sender thread. */
    public static final String THREAD_NAME = "vigil-telemetry";

    /** Bodies larger than this many bytes are gzipped. */
    public static final int GZIP_THRESHOLD_BYTES = 1024;

    /** The {@link VigilError#code()} of drop reports. */
    public static final String DROPPED_CODE = "telemetry_dropped";

    /** The {@link VigilError#component()} of drop reports. */
    public static final String COMPONENT = "sink:http";

    /** How long {@link #flush} waits at most before checking again, in case a wake-up was missed. */
    private static final long WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final int MAX_RESPONSE_BYTES_READ = 16 * 1024;

    private static final int QUEUE_FULL = 0;
    private static final int SEND_FAILED = 1;
    private static final int UNSENT_AT_CLOSE = 2;

    /** Timeouts and pauses. Package-private so that tests can shorten them. */
    record Timing(
            int connectTimeoutMs,
            int readTimeoutMs,
            long lingerNanos,
            long retryBackoffNanos,
            long retryAfterCapNanos,
            long closeNanos) {

        static final Timing DEFAULT = new Timing(1000, 2000, millis(1000), millis(50), millis(2000), millis(300));

        static long millis(long ms) {
            return TimeUnit.MILLISECONDS.toNanos(ms);
        }
    }

    private final URL url;
    private final String authorization;
    private final ArrayBlockingQueue<TelemetryEvent> queue;
    private final int batchSize;
    private final TelemetrySink fallback;
    private final Timing timing;
    private final TelemetryJson json = new TelemetryJson(TelemetrySinks.PRODUCT_NAME);
    private volatile FunctionInfo function;

    /** Events handed to {@link #emit}, and those of them that were sent or dropped. */
    private final AtomicLong submitted = new AtomicLong();

    private final AtomicLong settled = new AtomicLong();
    /** The highest {@link #submitted} count a flush is waiting for; the sender sends at once while below it. */
    private final AtomicLong flushTarget = new AtomicLong();

    private final ReentrantLock settleLock = new ReentrantLock();
    private final Condition settledChanged = settleLock.newCondition();

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong[] droppedBy = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    private final long[] reportedBy = new long[3];
    private final Object reportLock = new Object();

    private final Object startLock = new Object();
    private volatile Thread sender;
    private volatile boolean senderIdle;
    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile HttpURLConnection inFlight;

    /**
     * A sink sending to {@code endpoint}.
     *
     * @param endpoint the collector's URL; must be absolute, {@code http} or {@code https}, with a host
     * @param bearerTokenOrNull sent as {@code Authorization: Bearer <token>}; {@code null} or blank for none
     * @param queueCapacity how many events may wait; more are dropped and counted (at least 1)
     * @param batchSize how many events one request carries at most (at least 1; no more than {@code queueCapacity})
     * @param fallback where drop reports go, typically the {@link StdoutSink}; {@code null} to not report them
     * @param function the function drop reports name; {@code null} for unknown (see {@link #setFunction})
     * @throws IllegalArgumentException if the endpoint, token or sizes are not acceptable; the message never contains
     *     the token
     */
    public HttpSink(
            URI endpoint,
            String bearerTokenOrNull,
            int queueCapacity,
            int batchSize,
            TelemetrySink fallback,
            FunctionInfo function) {
        this(endpoint, bearerTokenOrNull, queueCapacity, batchSize, fallback, function, Timing.DEFAULT);
    }

    HttpSink(
            URI endpoint,
            String bearerTokenOrNull,
            int queueCapacity,
            int batchSize,
            TelemetrySink fallback,
            FunctionInfo function,
            Timing timing) {
        this.url = toUrl(endpoint);
        this.authorization = authorization(bearerTokenOrNull);
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queue capacity and batch size must be at least 1");
        }
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = Math.min(batchSize, queueCapacity);
        this.fallback = fallback;
        this.timing = timing;
        setFunction(function);
    }

    /** Sets the function that drop reports name, e.g. once the first invocation's context gives its ARN. */
    public void setFunction(FunctionInfo function) {
        this.function = function == null ? FunctionInfo.named(null) : function;
    }

    @Override
    public void emit(TelemetryEvent event) {
        if (event == null) {
            return;
        }
        submitted.incrementAndGet();
        if (closed || !queue.offer(event)) {
            drop(QUEUE_FULL, 1);
            settled.incrementAndGet(); // no signal: emit takes no lock; a waiting flush re-checks every 20 ms
            return;
        }
        Thread thread = sender;
        if (thread == null) {
            thread = startSender();
        }
        if (thread != null && (senderIdle || queue.size() >= batchSize)) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Asks the sender to send everything handed over so far and waits until it is sent (or dropped) or until {@code
     * deadlineNanos}, whichever comes first. A request still running at the deadline goes on in the background; its
     * result counts towards the next report. Then reports drops to the fallback, if there were any.
     */
    @Override
    public void flush(long deadlineNanos) {
        if (!stopping) {
            long target = submitted.get();
            if (settled.get() < target) {
                flushTarget.accumulateAndGet(target, MAX);
                Thread thread = sender != null ? sender : startSender();
                if (thread != null) {
                    LockSupport.unpark(thread);
                }
                awaitSettled(target, deadlineNanos);
            }
        }
        reportDrops();
    }

    /** Events dropped so far: queue full, failed delivery, or still queued when the sink was closed. */
    @Override
    public long dropped() {
        return dropped.get();
    }

    /**
     * Flushes for up to 300 ms, stops the sender (aborting a request still running), counts what was left unsent as
     * dropped and reports drops to the fallback. Returns within about 350 ms. Later emits are dropped and counted.
     */
    @Override
    public void close() {
        synchronized (startLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long deadline = System.nanoTime() + timing.closeNanos();
        long target = submitted.get();
        if (settled.get() < target) {
            flushTarget.accumulateAndGet(target, MAX);
            Thread thread = sender;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
            awaitSettled(target, deadline);
        }
        stopping = true;
        Thread thread;
        synchronized (startLock) {
            thread = sender;
        }
        if (thread != null) {
            LockSupport.unpark(thread);
            HttpURLConnection running = inFlight;
            if (running != null) {
                running.disconnect();
            }
            joinBriefly(thread);
        }
        List<TelemetryEvent> unsent = new ArrayList<>();
        queue.drainTo(unsent);
        if (!unsent.isEmpty()) {
            drop(UNSENT_AT_CLOSE, unsent.size());
            settle(unsent.size());
        }
        reportDrops();
    }

    private Thread startSender() {
        synchronized (startLock) {
            Thread thread = sender;
            if (thread == null && !closed) {
                thread = new Thread(
                        new Runnable() {
                            @Override
                            public void run() {
                                runSender();
                            }
                        },
                        THREAD_NAME);
                thread.setDaemon(true);
                try {
                    thread.start();
                } catch (OutOfMemoryError | RuntimeException e) {
                    // No thread to be had (native thread limit): the events wait; the next emit or flush tries again.
                    return null;
                }
                sender = thread;
            }
            return thread;
        }
    }

    private void runSender() {
        List<TelemetryEvent> batch = new ArrayList<>(batchSize);
        long oldestSeenAt = 0;
        boolean lingering = false;
        while (!stopping) {
            Thread.interrupted(); // an interrupt would make every park return at once
            if (queue.isEmpty()) {
                lingering = false;
                senderIdle = true;
                if (queue.isEmpty() && !stopping) {
                    LockSupport.park(this);
                }
                senderIdle = false;
                continue;
            }
            boolean flushWanted = flushTarget.get() > settled.get();
            if (!flushWanted && queue.size() < batchSize) {
                long now = System.nanoTime();
                if (!lingering) {
                    lingering = true;
                    oldestSeenAt = now;
                }
                long wait = oldestSeenAt + timing.lingerNanos() - now;
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
            }
            lingering = false;
            queue.drainTo(batch, batchSize);
            try {
                deliver(batch);
            } catch (RuntimeException e) {
                drop(SEND_FAILED, batch.size());
            } finally {
                settle(batch.size());
                batch.clear();
            }
        }
    }

    private void deliver(List<TelemetryEvent> batch) {
        Body body = encode(batch);
        if (body.events() == 0) {
            return;
        }
        Attempt first = post(body);
        if (first.delivered()) {
            return;
        }
        if (first.retryable() && !stopping) {
            long pause = first.retryAfterNanos() >= 0
                    ? Math.min(first.retryAfterNanos(), timing.retryAfterCapNanos())
                    : timing.retryBackoffNanos();
            if (pause(pause) && post(body).delivered()) {
                return;
            }
        }
        drop(SEND_FAILED, body.events());
    }

    private Body encode(List<TelemetryEvent> batch) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream(512 * batch.size());
        int events = 0;
        for (TelemetryEvent event : batch) {
            byte[] line;
            try {
                line = json.toJson(event).getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                drop(SEND_FAILED, 1);
                continue;
            }
            lines.write(line, 0, line.length);
            lines.write('\n');
            events++;
        }
        if (lines.size() <= GZIP_THRESHOLD_BYTES) {
            return new Body(lines.toByteArray(), false, events);
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(lines.size() / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped, 4096)) {
            lines.writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return new Body(zipped.toByteArray(), true, events);
    }

    private Attempt post(Body body) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) url.openConnection();
            inFlight = connection;
            if (stopping) {
                return Attempt.FAILED;
            }
            connection.setConnectTimeout(timing.connectTimeoutMs());
            connection.setReadTimeout(timing.readTimeoutMs());
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setFixedLengthStreamingMode(body.bytes().length);
            connection.setRequestProperty("Content-Type", "application/x-ndjson");
            if (body.gzipped()) {
                connection.setRequestProperty("Content-Encoding", "gzip");
            }
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            connection.setRequestProperty("User-Agent", TelemetrySinks.USER_AGENT);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.bytes());
            }
            int status = connection.getResponseCode();
            long retryAfter =
                    status == 429 || status == 503 ? retryAfterNanos(connection.getHeaderField("Retry-After")) : -1;
            discardResponse(connection, status);
            if (status >= 200 && status < 300) {
                return Attempt.DELIVERED;
            }
            return new Attempt(false, status >= 500 || status == 408 || status == 429, retryAfter);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a connection disconnected by close() may fail with IllegalStateException.
            if (connection != null) {
                connection.disconnect();
            }
            return Attempt.NETWORK_ERROR;
        } finally {
            inFlight = null;
        }
    }

    /** Reads and discards a short response so the connection can be kept alive; drops the connection otherwise. */
    private static void discardResponse(HttpURLConnection connection, int status) {
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in == null) {
                return;
            }
            byte[] buffer = new byte[2048];
            int total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > MAX_RESPONSE_BYTES_READ) {
                    connection.disconnect();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            connection.disconnect();
        }
    }

    /** {@code Retry-After} in delta-seconds, in nanoseconds; -1 when absent or an HTTP date (not worth parsing). */
    static long retryAfterNanos(String header) {
        if (header == null) {
            return -1;
        }
        String value = header.trim();
        if (value.isEmpty() || value.length() > 9) {
            return -1;
        }
        long seconds = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seconds = seconds * 10 + (c - '0');
        }
        return TimeUnit.SECONDS.toNanos(seconds);
    }

    /** Waits {@code nanos} unless the sink is stopping; returns whether to go on. */
    private boolean pause(long nanos) {
        long until = System.nanoTime() + nanos;
        long left;
        while (!stopping && (left = until - System.nanoTime()) > 0) {
            Thread.interrupted();
            LockSupport.parkNanos(this, left);
        }
        return !stopping;
    }

    private void awaitSettled(long target, long deadlineNanos) {
        settleLock.lock();
        try {
            while (settled.get() < target) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                settledChanged.awaitNanos(Math.min(left, WAIT_SLICE_NANOS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            settleLock.unlock();
        }
    }

    private void settle(int events) {
        settled.addAndGet(events);
        settleLock.lock();
        try {
            settledChanged.signalAll();
        } finally {
            settleLock.unlock();
        }
    }

    private void drop(int reason, int events) {
        droppedBy[reason].addAndGet(events);
        dropped.addAndGet(events);
    }

    private void joinBriefly(Thread thread) {
        try {
            thread.join(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportDrops() {
        TelemetrySink target = fallback;
        if (target == null) {
            return;
        }
        VigilError report;
        synchronized (reportLock) {
            long[] since = new long[reportedBy.length];
            long total = 0;
            for (int i = 0; i < since.length; i++) {
                long now = droppedBy[i].get();
                since[i] = now - reportedBy[i];
                reportedBy[i] = now;
                total += since[i];
            }
            if (total <= 0) {
                return;
            }
            String message = total + " telemetry events dropped by the HTTP sink (queue full: " + since[QUEUE_FULL]
                    + ", delivery failed: " + since[SEND_FAILED] + ", unsent at close: " + since[UNSENT_AT_CLOSE]
                    + ")";
            report =
                    new VigilError(System.currentTimeMillis(), function, null, DROPPED_CODE, COMPONENT, message, total);
        }
        try {
            target.emit(report);
        } catch (RuntimeException ignored) {
            // The fallback must not throw; if it does, there is nowhere left to report to.
        }
    }

    private static URL toUrl(URI endpoint) {
        if (endpoint == null) {
            throw new IllegalArgumentException("telemetry endpoint is missing");
        }
        String scheme = endpoint.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null
                || endpoint.getHost().isEmpty()) {
            throw new IllegalArgumentException("telemetry endpoint must be an absolute http or https URL with a host");
        }
        try {
            return endpoint.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("telemetry endpoint is not a valid URL");
        }
    }

    private static String authorization(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String trimmed = token.strip();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                throw new IllegalArgumentException("telemetry token contains characters not allowed in a header");
            }
        }
        return "Bearer " + trimmed;
    }

    private record Body(byte[] bytes, boolean gzipped, int events) {}

    private record Attempt(boolean delivered, boolean retryable, long retryAfterNanos) {
        static final Attempt DELIVERED = new Attempt(true, false, -1);
        static final Attempt FAILED = new Attempt(false, false, -1);
        static final Attempt NETWORK_ERROR = new Attempt(false, true, -1);
    }
}
