package dev.vigil.server.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body into memory without ever holding more than the limits allow: a declared {@code
 * Content-Length} over the wire limit is refused before a byte is read, an undeclared length is read only up to the
 * limit, and gzip is inflated only up to the decoded limit (the gzip-bomb guard).
 */
final class BoundedBody {
    private static final int CHUNK = 64 * 1024;

    private BoundedBody() {}

    /**
     * The decoded body.
     *
     * @param contentLength the declared length, or -1
     * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
     * @throws IngestException 413 past a limit, 415 for an encoding other than gzip or identity, 400 for broken gzip
     */
    static byte[] read(InputStream wire, long contentLength, String contentEncoding, IngestLimits limits)
            throws IOException {
        checkDeclaredLength(contentLength, limits);
        byte[] raw = readAtMost(wire, limits.maxBodyBytes(), "body is over the limit of %d bytes");
        String encoding =
                contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip":
                return gunzip(raw, limits.maxDecodedBytes());
            default:
                throw new IngestException(415, "unsupported Content-Encoding; use gzip or none");
        }
    }

    /**
     * Refuses a declared {@code Content-Length} over the wire limit. Call it before touching the request's input
     * stream: a client that sent {@code Expect: 100-continue} then gets the {@code 413} without sending its body.
     */
    static void checkDeclaredLength(long contentLength, IngestLimits limits) {
        if (contentLength > limits.maxBodyBytes()) {
            throw IngestException.tooLarge(
                    "body of " + contentLength + " bytes is over the limit of " + limits.maxBodyBytes() + " bytes");
        }
    }

    /** Inflates gzip {@code compressed} up to {@code maxBytes} decoded bytes. */
    static byte[] gunzip(byte[] compressed, long maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), CHUNK)) {
            return readAtMost(in, maxBytes, "gzip body inflates to more than %d bytes (limit)");
        } catch (ZipException | java.io.EOFException e) {
            throw IngestException.badRequest("body is not valid gzip");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream in, long maxBytes, String tooLargeFormat) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw IngestException.tooLarge(String.format(Locale.ROOT, tooLargeFormat, maxBytes));
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
