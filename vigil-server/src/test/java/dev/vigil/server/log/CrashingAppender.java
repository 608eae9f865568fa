package dev.vigil.server.log;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child process of {@link EventLogCrashTest}: appends from four threads until killed and prints {@code ACK offset
 * id} for every record once its append is acknowledged. Payloads are {@link #payloadFor(String)} of their id.
 */
public final class CrashingAppender {
    private CrashingAppender() {}

    /** {@code args[0]}: the log directory; {@code args[1]}: the segment size. */
    public static void main(String[] args) throws Exception {
        EventLog log = EventLog.open(
                Path.of(args[0]), EventLogOptions.defaults().withMaxSegmentBytes(Long.parseLong(args[1])));
        PrintStream out = System.out;
        String run = Long.toString(ProcessHandle.current().pid());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (long i = 0; ; i++) {
                    List<String> ids = new ArrayList<>();
                    List<byte[]> batch = new ArrayList<>();
                    int size = 1 + random.nextInt(4);
                    for (int r = 0; r < size; r++) {
                        String id = run + "-" + thread + "-" + i + "-" + r;
                        ids.add(id);
                        batch.add(payloadFor(id));
                    }
                    AppendResult result = log.append(batch).join();
                    StringBuilder acks = new StringBuilder();
                    for (int r = 0; r < ids.size(); r++) {
                        acks.append("ACK ")
                                .append(result.firstOffset() + r)
                                .append(' ')
                                .append(ids.get(r))
                                .append('\n');
                    }
                    synchronized (out) {
                        out.print(acks);
                        out.flush();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** The payload of record {@code id}: between 20 bytes and 4 KB, decided by the id. */
    static byte[] payloadFor(String id) {
        return Records.payload(id, 20 + Math.floorMod(id.hashCode(), 4096));
    }
}
