package dev.vigil.detect.event;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whatever bytes arrive, the tape parser either accepts them or throws {@link MalformedRecordException}; when it
 * accepts valid UTF-8, Jackson (strict: duplicate keys and trailing tokens rejected) accepts too unless the input has
 * duplicate keys, and then {@link TapeEvent} agrees with {@link JsonTreeEvent} on every path built from the record's
 * keys. Runs its seeds under plain {@code mvn test}; set {@code JAZZER_FUZZ=1} to fuzz.
 */
class EventParseFuzzTest {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @FuzzTest(maxDuration = "60s")
    void parser_accepts_only_what_jackson_accepts_and_agrees_with_the_tree_event(byte[] input) {
        TapeEvent fast;
        try {
            fast = TapeEvent.parse(input, LogSource.UNKNOWN, EventOrigin.NONE);
        } catch (MalformedRecordException e) {
            if (e.reason() == null || e.reason().isEmpty() || e.offset() > input.length) {
                throw new AssertionError("bad exception: " + e.getMessage());
            }
            return;
        }
        fast.json();
        if (!validUtf8(input) || input.length > 900) {
            return; // Jackson rejects invalid UTF-8 and very long numbers; this parser replaces / accepts them
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(input);
        } catch (Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Duplicate field")) {
                return; // first key wins here, last in Jackson: by design
            }
            if (message.contains("surrogate pair in field name")) {
                return; // lone surrogate escapes are kept as they are, in keys as in values; Jackson rejects them in
                // keys
            }
            throw new AssertionError("accepted what Jackson rejects: " + e.getMessage(), e);
        }
        Set<FieldPath> paths = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        JsonTape tape = fast.tape();
        for (int i = 0; i < tape.count() && keys.size() < 8; i++) {
            if (tape.kind(i) == JsonTape.KEY) {
                keys.add(tape.string(i));
            }
        }
        for (String a : keys) {
            paths.add(FieldPath.of(a));
            for (String b : keys) {
                paths.add(FieldPath.of(a + "." + b));
            }
        }
        EventAgreement.check(fast, new JsonTreeEvent(tree, LogSource.UNKNOWN, EventOrigin.NONE), paths);
    }

    private static boolean validUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
