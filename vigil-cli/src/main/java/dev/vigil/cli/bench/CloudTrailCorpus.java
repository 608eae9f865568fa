package dev.vigil.cli.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a large CloudTrail corpus (JSON lines, gzip when the name ends in {@code .gz}) from the shapes of real
 * records: each output record is a randomly chosen real record (so the mix of {@code eventName}/{@code eventSource}
 * follows the seed data) with fresh event and request ids, a time spread over the chosen days, and source IPs,
 * account ids, ARNs, user names, access keys and resource names rewritten. Rewriting is a keyed hash of the original
 * value and one of {@link #ACTOR_VARIANTS} per-record variants, so each real actor becomes a few consistent actors
 * (group-by correlations still see repeated principals). The same seed, inputs and size give the same file.
 */
public final class CloudTrailCorpus {
    /** Each real actor becomes this many generated ones. */
    public static final int ACTOR_VARIANTS = 16;
    /** At most this many template records are kept. */
    public static final int MAX_TEMPLATES = 200_000;

    private static final long MAX_SEED_FILE_BYTES = 256L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Set<String> IDS = Set.of("eventID", "requestID", "sharedEventID");
    private static final Set<String> TIMES = Set.of("eventTime", "@timestamp");
    private static final Set<String> IPS = Set.of("sourceIPAddress", "sourceIp", "ipAddress", "clientIp");
    private static final Set<String> ACCOUNTS = Set.of("accountId", "recipientAccountId", "ownerId", "account");
    private static final Set<String> NAMES = Set.of(
            "userName",
            "roleSessionName",
            "bucketName",
            "roleName",
            "functionName",
            "groupName",
            "policyName",
            "keyName",
            "secretId",
            "trailName",
            "instanceProfileName",
            "logGroupName",
            "clusterName",
            "dBInstanceIdentifier");
    private static final Set<String> KEPT_NAMES =
            Set.of("root", "ANONYMOUS_PRINCIPAL", "HIDDEN_DUE_TO_SECURITY_REASONS");

    private final List<ObjectNode> templates;
    private final long seed;
    private final long spanMillis;

    /** A generator over {@code templates}, rewriting with {@code seed}, times spread over {@code days}. */
    public CloudTrailCorpus(List<ObjectNode> templates, long seed, int days) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no CloudTrail records to use as templates");
        }
        this.templates = List.copyOf(templates);
        this.seed = seed;
        this.spanMillis = days * 86_400_000L;
    }

    /**
     * Every record with a string {@code eventName} in the {@code .json}, {@code .jsonl} (and {@code .gz}) files under
     * {@code dir}, in path order: JSON lines, {@code {"Records":[…]}} documents or arrays of records.
     */
    public static List<ObjectNode> loadTemplates(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".json")
                                || n.endsWith(".jsonl")
                                || n.endsWith(".json.gz")
                                || n.endsWith(".jsonl.gz");
                    })
                    .sorted()
                    .forEach(files::add);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.size(f) > MAX_SEED_FILE_BYTES) {
                continue;
            }
            try (InputStream raw = Files.newInputStream(f);
                    InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    MappingIterator<JsonNode> docs =
                            MAPPER.readerFor(JsonNode.class).readValues(in)) {
                while (docs.hasNextValue() && out.size() < MAX_TEMPLATES) {
                    collect(docs.nextValue(), out);
                }
            } catch (IOException | RuntimeException e) {
                // a broken seed file contributes what was read before the break
            }
        }
        return out;
    }

    private static void collect(JsonNode doc, List<ObjectNode> out) {
        if (doc instanceof ArrayNode a) {
            a.forEach(n -> collect(n, out));
        } else if (doc instanceof ObjectNode o) {
            if (o.get("Records") instanceof ArrayNode records) {
                records.forEach(n -> collect(n, out));
            } else if (o.path("eventName").isTextual() && out.size() < MAX_TEMPLATES) {
                out.add(o);
            }
        }
    }

    /** Writes {@code n} records to {@code out}. */
    public void write(long n, Path out) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
                OutputStream os = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
                JsonGenerator g = MAPPER.getFactory().createGenerator(os)) {
            g.setRootValueSeparator(null);
            byte[] nl = "\n".getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < n; i++) {
                ObjectNode record = record(i, n, rng);
                g.writeTree(record);
                g.flush();
                os.write(nl);
            }
            g.flush();
        }
    }

    /** Record {@code i} of {@code n}: a varied copy of a randomly chosen template. */
    ObjectNode record(long i, long n, SplittableRandom rng) {
        ObjectNode copy = templates.get(rng.nextInt(templates.size())).deepCopy();
        int variant = rng.nextInt(ACTOR_VARIANTS);
        long time = START.toEpochMilli() + (n <= 1 ? 0 : spanMillis * i / n) + rng.nextLong(60_000);
        String iso = Instant.ofEpochMilli(time).truncatedTo(ChronoUnit.SECONDS).toString();
        vary(copy, variant, iso, rng, 0);
        return copy;
    }

    private void vary(ObjectNode node, int variant, String time, SplittableRandom rng, int depth) {
        if (depth > 64) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v instanceof ObjectNode o) {
                vary(o, variant, time, rng, depth + 1);
            } else if (v instanceof ArrayNode a) {
                for (JsonNode item : a) {
                    if (item instanceof ObjectNode o) {
                        vary(o, variant, time, rng, depth + 1);
                    }
                }
            } else if (v.isTextual()) {
                String replaced = replace(e.getKey(), v.asText(), variant, time, rng);
                if (replaced != null) {
                    e.setValue(TextNode.valueOf(replaced));
                }
            }
        }
    }

    /** The new value of text field {@code key}, or null to keep it. */
    String replace(String key, String value, int variant, String time, SplittableRandom rng) {
        if (IDS.contains(key)) {
            return new UUID(
                            (rng.nextLong() & ~0xF000L) | 0x4000L,
                            (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                    .toString();
        }
        if (TIMES.contains(key)) {
            return time;
        }
        if (IPS.contains(key)) {
            return isIpv4(value) ? ip(value, variant) : null;
        }
        if (ACCOUNTS.contains(key)) {
            return isAccount(value) ? account(value, variant) : null;
        }
        if (key.equals("accessKeyId") && value.length() > 4) {
            return value.substring(0, 4) + upperHex(hash(value, variant), 16);
        }
        if (key.equals("principalId") && !value.isEmpty()) {
            int colon = value.indexOf(':');
            String id = colon < 0 ? value : value.substring(0, colon);
            String mapped = isAccount(id) ? account(id, variant) : prefix(id, 4) + upperHex(hash(id, variant), 17);
            return colon < 0 ? mapped : mapped + ":" + name(value.substring(colon + 1), variant);
        }
        if (value.startsWith("arn:")) {
            return arn(value, variant);
        }
        if (NAMES.contains(key)) {
            return KEPT_NAMES.contains(value) ? null : name(value, variant);
        }
        return null;
    }

    private String arn(String value, int variant) {
        String[] p = value.split(":", 6);
        if (p.length < 6 || !isAccount(p[4])) {
            return null;
        }
        String resource = p[5];
        if (resource.startsWith("user/") || resource.startsWith("assumed-role/") || resource.startsWith("role/")) {
            int slash = resource.lastIndexOf('/');
            String last = resource.substring(slash + 1);
            resource = resource.substring(0, slash + 1) + (KEPT_NAMES.contains(last) ? last : name(last, variant));
        }
        return String.join(":", p[0], p[1], p[2], p[3], account(p[4], variant), resource);
    }

    private String name(String value, int variant) {
        return prefix(value, 24) + "-" + Long.toHexString(hash(value, variant) & 0xFFFFFFL);
    }

    private String account(String value, int variant) {
        return String.format("%012d", Math.floorMod(hash(value, variant), 1_000_000_000_000L));
    }

    private String ip(String value, int variant) {
        long h = hash(value, variant);
        int a = 1 + (int) Math.floorMod(h, 223L);
        if (a == 10 || a == 127) {
            a++;
        }
        return a + "." + ((h >>> 8) & 0xFF) + "." + ((h >>> 16) & 0xFF) + "." + (1 + ((h >>> 24) & 0xFD));
    }

    private long hash(String value, int variant) {
        long h = 0xcbf29ce484222325L ^ seed * 0x9E3779B97F4A7C15L ^ variant;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String upperHex(long h, int digits) {
        StringBuilder sb = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        long x = h;
        for (int i = 0; i < digits; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sb.append(alphabet.charAt((int) (x >>> 59)));
        }
        return sb.toString();
    }

    static boolean isAccount(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}
