package dev.vigil.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserAndRuleStateStoreTest extends StoreTestBase {

    @Test
    void usersHaveUniqueNamesAndRoles() {
        UserStore users = new UserStore(db, CLOCK);
        assertThat(users.isEmpty()).isTrue();

        User admin = users.create("admin", Role.ADMIN);
        users.create("vera", Role.VIEWER);

        assertThat(users.isEmpty()).isFalse();
        assertThat(users.byUsername("admin")).contains(admin);
        assertThatThrownBy(() -> users.create("admin", Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists");
        assertThat(users.setRole(admin.id(), Role.ANALYST)).isTrue();
        assertThat(users.get(admin.id()).orElseThrow().role()).isEqualTo(Role.ANALYST);
        assertThat(users.setDisabled(admin.id(), true)).isTrue();
        assertThat(users.get(admin.id()).orElseThrow().disabled()).isTrue();
        assertThat(users.list()).extracting(User::username).containsExactly("admin", "vera");
        assertThat(users.setRole(9999, Role.ADMIN)).isFalse();
    }

    @Test
    void rulesAreEnabledUntilTurnedOff() {
        RuleStateStore rules = new RuleStateStore(db, CLOCK);
        assertThat(rules.isEnabled("VGL-D-001")).isTrue();

        rules.setEnabled("VGL-D-001", false, "admin");
        rules.setEnabled("VGL-D-002", false, "admin");
        rules.setEnabled("VGL-D-002", true, "alice");

        assertThat(rules.isEnabled("VGL-D-001")).isFalse();
        assertThat(rules.isEnabled("VGL-D-002")).isTrue();
        assertThat(rules.disabled()).containsExactly("VGL-D-001");
        assertThat(rules.overrides()).containsEntry("VGL-D-001", false).containsEntry("VGL-D-002", true);
    }
}
