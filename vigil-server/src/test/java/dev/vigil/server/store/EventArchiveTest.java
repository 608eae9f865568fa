package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventArchiveTest extends StoreTestBase {

    private static final long DAY = 86_400_000L;
    private static final long NOW = 1_800_000_000_000L;

    private EventArchive events;

    @BeforeEach
    void createStore() {
        events = new EventArchive(db);
    }

    private static List<ArchivedEvent> eventsReceived(long receivedAt, long firstOffset, int count) {
        List<ArchivedEvent> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(ArchivedEvent.of(
                    null, firstOffset + i, receivedAt, receivedAt - 5, "orders", "invocation", "{\"n\":" + i + "}"));
        }
        return list;
    }

    @Test
    void keepsAndFindsEvents() {
        events.append(eventsReceived(NOW, 100, 3));

        ArchivedEvent e = events.byLogOffset(101).orElseThrow();
        assertThat(e.body()).isEqualTo("{\"n\":1}");
        assertThat(e.tenant()).isEqualTo(Tenants.DEFAULT);
        assertThat(e.eventTime()).isEqualTo(NOW - 5);
        assertThat(events.recent(null, "orders", 2))
                .extracting(ArchivedEvent::logOffset)
                .containsExactly(102L, 101L);
        assertThat(events.byLogOffset(7)).isEmpty();
    }

    @Test
    void deletesEventsOlderThanTheRetention() {
        events.append(eventsReceived(NOW - 40 * DAY, 0, EventArchive.DELETE_CHUNK + 10));
        events.append(eventsReceived(NOW - 2 * DAY, 1_000_000, 5));

        long deleted = events.deleteReceivedBefore(NOW - 30 * DAY);

        assertThat(deleted).isEqualTo(EventArchive.DELETE_CHUNK + 10);
        assertThat(events.count()).isEqualTo(5);
        assertThat(events.deleteReceivedBefore(NOW - 30 * DAY)).isZero();
    }

    @Test
    void keepsOnlyTheNewestRows() {
        events.append(eventsReceived(NOW, 0, 100));

        assertThat(events.keepNewest(1000)).isZero();
        assertThat(events.keepNewest(30)).isEqualTo(70);
        assertThat(events.count()).isEqualTo(30);
        assertThat(events.byLogOffset(69)).isEmpty();
        assertThat(events.byLogOffset(70)).isPresent();
        assertThat(events.keepNewest(0)).isEqualTo(30);
        assertThat(events.count()).isZero();
    }
}
