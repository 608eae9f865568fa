package dev.vigil.detect.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Stops a decompressing stream that expands too much: past an absolute cap, or past a decompressed:compressed ratio
 * once a grace amount has been produced.
 */
final class BombGuardInputStream extends FilterInputStream {
    private final LongSupplier compressed;
    private final long maxBytes;
    private final int maxRatio;
    private final long graceBytes;
    private long produced;

    BombGuardInputStream(InputStream in, LongSupplier compressed, long maxBytes, int maxRatio, long graceBytes) {
        super(in);
        this.compressed = compressed;
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
        this.graceBytes = graceBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            produced += n;
            if (produced > maxBytes) {
                throw new IOException("gzip input decompresses to more than " + maxBytes + " bytes (limit)");
            }
            long in = Math.max(1, compressed.getAsLong());
            if (produced > graceBytes && produced / in > maxRatio) {
                throw new IOException("gzip bomb: decompressed " + produced + " bytes from " + in + " (ratio above "
                        + maxRatio + ")");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int r = read(scratch, 0, scratch.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
