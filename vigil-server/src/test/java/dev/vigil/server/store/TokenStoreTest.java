package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenStoreTest extends StoreTestBase {

    private TokenStore tokens;
    private UserStore users;

    @BeforeEach
    void createStores() {
        tokens = new TokenStore(db, CLOCK);
        users = new UserStore(db, CLOCK);
    }

    @Test
    void storesOnlyTheHashAndAShortPrefix() {
        IssuedToken issued = tokens.issue(new TokenRequest("ci", null, Role.INGEST, "acme", "payments", null));

        assertThat(issued.plainText()).startsWith(TokenSecrets.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.toString()).doesNotContain(issued.plainText());
        List<String> storedValues = new ArrayList<>();
        db.jdbi()
                .useHandle(handle -> handle.createQuery("SELECT * FROM tokens")
                        .map((rs, ctx) -> {
                            for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                                storedValues.add(String.valueOf(rs.getObject(c)));
                            }
                            return 0;
                        })
                        .list());
        assertThat(storedValues)
                .noneMatch(v -> v.contains(issued.plainText().substring(TokenSecrets.DISPLAY_LENGTH)))
                .contains(TokenSecrets.hash(issued.plainText()), issued.info().prefix());
        assertThat(issued.info().prefix()).hasSize(TokenSecrets.DISPLAY_LENGTH);
    }

    @Test
    void authenticatesByHashWithItsScope() {
        IssuedToken issued = tokens.issue(new TokenRequest("ci", null, Role.INGEST, "acme", "payments", null));

        TokenInfo found = tokens.authenticate(issued.plainText()).orElseThrow();

        assertThat(found.id()).isEqualTo(issued.info().id());
        assertThat(found.role()).isEqualTo(Role.INGEST);
        assertThat(found.tenant()).isEqualTo("acme");
        assertThat(found.functionGroup()).isEqualTo("payments");
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(CLOCK.millis());
        assertThat(tokens.authenticate(issued.plainText() + "x")).isEmpty();
        assertThat(tokens.authenticate(TokenSecrets.generate())).isEmpty();
        assertThat(tokens.authenticate("not-a-token")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
    }

    @Test
    void revokedExpiredAndDisabledUsersTokensDoNotWork() {
        IssuedToken revoked = tokens.issue(new TokenRequest("a", null, Role.VIEWER, null, null, null));
        IssuedToken expired = tokens.issue(new TokenRequest("b", null, Role.VIEWER, null, null, CLOCK.millis() - 1));
        User bob = users.create("bob", Role.ANALYST);
        IssuedToken bobs = tokens.issue(new TokenRequest("bob's", bob.id(), Role.ANALYST, null, null, null));

        assertThat(tokens.revoke(revoked.info().id())).isTrue();
        assertThat(tokens.revoke(revoked.info().id())).isFalse();
        assertThat(tokens.authenticate(revoked.plainText())).isEmpty();
        assertThat(tokens.authenticate(expired.plainText())).isEmpty();
        assertThat(tokens.authenticate(bobs.plainText())).isPresent();

        users.setDisabled(bob.id(), true);
        assertThat(tokens.authenticate(bobs.plainText())).isEmpty();
    }

    @Test
    void lastUseIsRecordedAtMostOncePerMinute() {
        IssuedToken issued = tokens.issue(new TokenRequest("a", null, Role.VIEWER, null, null, null));
        tokens.authenticate(issued.plainText());

        TokenStore later = new TokenStore(db, Clock.offset(CLOCK, Duration.ofSeconds(30)));
        later.authenticate(issued.plainText());
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(CLOCK.millis());

        TokenStore muchLater = new TokenStore(db, Clock.offset(CLOCK, Duration.ofMinutes(2)));
        muchLater.authenticate(issued.plainText());
        assertThat(tokens.list().get(0).lastUsedAt()).isEqualTo(CLOCK.millis() + 120_000);
    }
}
