package dev.vigil.cli.hunt;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr, redrawn at most five times a second: bytes read (of the total when known),
 * records per second and matches so far. Only used when stderr is a terminal.
 */
public final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final long totalBytes;
    private final LongSupplier bytes;
    private final LongSupplier records;
    private final LongSupplier matches;
    private final Thread thread;
    private final long start = System.nanoTime();
    private volatile boolean running = true;

    /**
     * Starts drawing.
     *
     * @param totalBytes total input size, or -1 when unknown (standard input, compressed files)
     */
    public Progress(PrintWriter err, long totalBytes, LongSupplier bytes, LongSupplier records, LongSupplier matches) {
        this.err = err;
        this.totalBytes = totalBytes;
        this.bytes = bytes;
        this.records = records;
        this.matches = matches;
        this.thread = new Thread(this::loop, "hunt-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                draw();
            }
        }
    }

    private synchronized void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        long b = bytes.getAsLong();
        String read = totalBytes > 0
                ? String.format("%5.1f%% %s/%s", Math.min(100.0, 100.0 * b / totalBytes), mb(b), mb(totalBytes))
                : mb(b);
        err.print(String.format(
                "\r%s  %,.0f records/s  %,d matches   ", read, records.getAsLong() / seconds, matches.getAsLong()));
        err.flush();
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    /** Stops and clears the line. */
    @Override
    public synchronized void close() {
        running = false;
        thread.interrupt();
        err.print("\r" + " ".repeat(70) + "\r");
        err.flush();
    }
}
