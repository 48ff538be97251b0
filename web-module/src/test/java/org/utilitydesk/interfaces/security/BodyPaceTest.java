package org.utilitydesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBodyMayTakeItsTimeDuringTheGrace() {
        BodyPace pace = BodyPace.fromNow();
        long start = System.nanoTime();
        assertThatCode(() -> pace.count(1, start + 9 * SECOND)).doesNotThrowAnyException();
    }

    @Test
    void aByteEveryFewSecondsIsGivenUpSoonAfterTheGrace() {
        BodyPace pace = BodyPace.fromNow();
        long start = System.nanoTime();
        assertThatThrownBy(() -> {
            for (int second = 2; second <= 30; second += 2) {
                pace.count(1, start + second * SECOND);
            }
        }).isInstanceOf(BodyPace.TooSlow.class).hasMessageContaining("bytes in");
        assertThat(BodyPace.gaveUp(new IllegalStateException(new BodyPace.TooSlow(5, 12_000)))).isTrue();
    }

    @Test
    void aPhotoOverAPoorMobileLinkKeepsThePace() {
        BodyPace pace = BodyPace.fromNow();
        long start = System.nanoTime();
        // 10 MB at 4 KB a second, after a 10-second pause before the first byte
        assertThatCode(() -> {
            for (int second = 11; second < 2600; second++) {
                pace.count(4096, start + second * SECOND);
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void formFieldsAreDecodedInTheRequestsCharsetInTheOrderSent() {
        Map<String, String[]> form = FormBody.parse(
                "j_username=agent01&q=%E5%AE%B6%E9%87%8C+%E6%B2%A1%E7%94%B5&q=2&empty=&bare&bad=%E5%Z".getBytes(StandardCharsets.US_ASCII),
                StandardCharsets.UTF_8);
        assertThat(form.keySet()).containsExactly("j_username", "q", "empty", "bare");
        assertThat(form.get("q")).containsExactly("家里 没电", "2");
        assertThat(form.get("empty")).containsExactly("");
        assertThat(form.get("bare")).containsExactly("");
    }
}
