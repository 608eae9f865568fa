package dev.vigil.detect.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the bytes read through it, locally and into a shared progress counter. */
final class CountingInputStream extends FilterInputStream {
    private final AtomicLong progress;
    private long count;

    CountingInputStream(InputStream in, AtomicLong progress) {
        super(in);
        this.progress = progress;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) {
        count += n;
        progress.addAndGet(n);
    }
}
