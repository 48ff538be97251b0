package org.utilitydesk.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsQueriesTest {

    @Test
    void aNumberIsTheSameWithOrWithoutTheCountryCode() {
        assertThat(DefaultSmsQueries.sameNumber("13900000043", "8613900000043")).isTrue();
        assertThat(DefaultSmsQueries.sameNumber("+86 139 0000 0043", "13900000043")).isTrue();
        assertThat(DefaultSmsQueries.sameNumber("13900000043", "13900000044")).isFalse();
        assertThat(DefaultSmsQueries.sameNumber(null, "13900000043")).as("an order without a phone answers nobody").isFalse();
    }
}
