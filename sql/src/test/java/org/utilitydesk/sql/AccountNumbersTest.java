package org.utilitydesk.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNumbersTest {

    @Test
    void generatedNumbersCarryAValidCheckDigit() {
        for (long serial = 100_000_001L; serial < 100_002_000L; serial++) {
            assertThat(AccountNumbers.isValid(AccountNumbers.fromSerial(serial))).isTrue();
        }
    }

    @Test
    void aSingleMistypedDigitIsCaught() {
        String number = AccountNumbers.fromSerial(100_000_123L);
        for (int i = 0; i < 10; i++) {
            char wrong = number.charAt(i) == '9' ? '0' : (char) (number.charAt(i) + 1);
            String typo = number.substring(0, i) + wrong + number.substring(i + 1);
            assertThat(AccountNumbers.isValid(typo)).as(typo).isFalse();
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String number = AccountNumbers.fromSerial(100_000_123L);
        String swapped = number.substring(0, 6) + number.charAt(7) + number.charAt(6) + number.substring(8);
        assertThat(AccountNumbers.isValid(swapped)).isFalse();
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        assertThat(AccountNumbers.isValid(null)).isFalse();
        assertThat(AccountNumbers.isValid("123")).isFalse();
        assertThat(AccountNumbers.isValid("10000012３4")).isFalse();
        assertThat(AccountNumbers.isValid("abcdefghij")).isFalse();
        assertThatThrownBy(() -> AccountNumbers.fromSerial(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
