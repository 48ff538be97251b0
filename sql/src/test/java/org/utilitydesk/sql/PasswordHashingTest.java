package org.utilitydesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing today = new PasswordHashing(120_000);

    @Test
    void everyHashHasItsOwnSaltAndCarriesItsParameters() {
        String a = today.hash("agent123".toCharArray());
        String b = today.hash("agent123".toCharArray());
        assertThat(a).isNotEqualTo(b).startsWith("PBKDF2WithHmacSHA256:120000:");
        assertThat(today.verify("agent123".toCharArray(), a)).isTrue();
        assertThat(today.verify("agent124".toCharArray(), a)).isFalse();
        assertThat(today.outdated(a)).isFalse();
    }

    @Test
    void aHashWithWeakerParametersStillVerifiesAndIsOutdated() {
        String old = new PasswordHashing(10_000).hash("crew123".toCharArray());
        assertThat(today.verify("crew123".toCharArray(), old)).isTrue();
        assertThat(today.outdated(old)).isTrue();
        assertThat(new PasswordHashing(10_000).outdated(today.hash("x".toCharArray()))).isFalse();
    }

    @Test
    void unreadableOrImplausibleHashesMatchNothing() {
        for (String stored : new String[] {null, "", "plain", "PBKDF2WithHmacSHA256:1:c2FsdHNhbHQ=:a2V5a2V5a2V5a2V5a2V5",
                "PBKDF2WithHmacSHA256:abc:c2FsdA==:a2V5", "MD5:1000:c2FsdHNhbHQ=:a2V5a2V5a2V5a2V5a2V5"}) {
            assertThat(today.verify("x".toCharArray(), stored)).as(String.valueOf(stored)).isFalse();
            assertThat(today.outdated(stored)).isTrue();
        }
        assertThatThrownBy(() -> new PasswordHashing(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
