package dev.vigil.cli.inspect;

import dev.vigil.shield.OfflineInspector;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** One {@code vigil inspect} run: reads records from files or stdin, writes verdicts, counts for the summary. */
public final class InspectRun {

    private final RecordInspector records;
    private final int maxRecordChars;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, Integer> byCategory = new TreeMap<>();
    private final long started = System.nanoTime();
    private long total;
    private long malicious;
    private long errors;

    /** A run with the given detectors, writing verdicts to {@code out} and problems and the summary to {@code err}. */
    public InspectRun(OfflineInspector inspector, int maxRecordChars, PrintWriter out, PrintWriter err) {
        this.records = new RecordInspector(inspector);
        this.maxRecordChars = maxRecordChars;
        this.out = out;
        this.err = err;
    }

    /** Inspects every record of one file ({@code -} for stdin). */
    public void inspect(Path file) throws IOException {
        String name = file.toString();
        if (name.equals("-")) {
            read(name, System.in);
            return;
        }
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 65536) : raw;
            read(name, in);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + name, e);
        }
    }

    private void read(String name, InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        BoundedLineReader lines = new BoundedLineReader(reader, maxRecordChars);
        long lineNo = 0;
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            lineNo++;
            if (line.tooLong()) {
                fail(name, lineNo, null, "record longer than " + maxRecordChars + " characters");
                continue;
            }
            if (line.text().isBlank()) {
                continue;
            }
            try {
                Verdict verdict = records.inspect(line.text());
                total++;
                if (verdict.malicious()) {
                    malicious++;
                    for (String c : verdict.categories()) {
                        byCategory.merge(c, 1, Integer::sum);
                    }
                }
                out.println(verdict.toJson());
            } catch (RecordInspector.BadRecord e) {
                fail(name, lineNo, e.id, e.getMessage());
            }
        }
        out.flush();
    }

    private void fail(String name, long lineNo, Object id, String message) {
        errors++;
        total++;
        err.println(name + ":" + lineNo + ": " + message);
        out.println(Verdict.error(id, message));
    }

    /** Records judged malicious so far. */
    public long malicious() {
        return malicious;
    }

    /** Records that could not be inspected so far. */
    public long errors() {
        return errors;
    }

    /** Writes the summary line(s) to stderr. */
    public void printSummary() {
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder s = new StringBuilder();
        s.append("inspected ")
                .append(total)
                .append(" records: ")
                .append(malicious)
                .append(" malicious, ")
                .append(total - malicious - errors)
                .append(" benign, ")
                .append(errors)
                .append(" errors");
        s.append(String.format(java.util.Locale.ROOT, " in %.2f s", seconds));
        if (!byCategory.isEmpty()) {
            s.append("; by category:");
            for (Map.Entry<String, Integer> e : byCategory.entrySet()) {
                s.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        err.println(s);
        err.flush();
    }
}
