package org.utilitydesk.infrastructure.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyDeadlineTest {

    private static final int CALL = 3 * 60 * 60 * 1000;

    @Test
    void aQuickCommandHasSecondsAndAConversationTheCallsHours() {
        assertThat(ReplyDeadline.of("ANSWER", CALL)).isEqualTo(ReplyDeadline.QUICK_MILLIS);
        assertThat(ReplyDeadline.of("SET VARIABLE AJ_AGISTATUS \"SUCCESS\"", CALL)).isEqualTo(ReplyDeadline.QUICK_MILLIS);
        assertThat(ReplyDeadline.of("EXEC \"StartMusicOnHold\" \"\"", CALL)).isEqualTo(ReplyDeadline.QUICK_MILLIS);
        assertThat(ReplyDeadline.of("EXEC \"Dial\" \"PJSIP/8001,20\"", CALL)).isEqualTo(CALL);
        assertThat(ReplyDeadline.of("EXEC \"Bridge\" \"PJSIP/8001-0001\"", CALL)).isEqualTo(CALL);
    }

    @Test
    void aPromptOrAReadHasItsPlayingAndItsTimeout() {
        assertThat(ReplyDeadline.of("STREAM FILE \"utilitydesk/welcome\" \"\"", CALL)).isEqualTo(ReplyDeadline.PLAY_MILLIS);
        assertThat(ReplyDeadline.of("GET DATA \"utilitydesk/account\" 8000 10", CALL)).isEqualTo(ReplyDeadline.PLAY_MILLIS + 8000);
        assertThat(ReplyDeadline.of("GET OPTION \"utilitydesk/menu\" \"0123456789*#\" 5000", CALL))
                .isEqualTo(ReplyDeadline.PLAY_MILLIS + 5000);
        assertThat(ReplyDeadline.of("WAIT FOR DIGIT 3000", CALL)).isEqualTo(ReplyDeadline.QUICK_MILLIS + 3000);
        assertThat(ReplyDeadline.of("EXEC \"Playback\" \"utilitydesk/a&utilitydesk/b&utilitydesk/c\"", CALL))
                .isEqualTo(3 * ReplyDeadline.PLAY_MILLIS);
        assertThat(ReplyDeadline.of("EXEC \"Record\" \"utilitydesk/vm/1.wav,3,120,k\"", CALL)).isEqualTo(ReplyDeadline.PLAY_MILLIS + 120_000);
    }

    @Test
    void aReadWithoutATimeoutIsOpenEndedButNotEndless() {
        assertThat(ReplyDeadline.of("WAIT FOR DIGIT -1", CALL)).isEqualTo(ReplyDeadline.QUICK_MILLIS + ReplyDeadline.OPEN_ENDED_MILLIS);
        assertThat(ReplyDeadline.of("GET DATA \"x\"", CALL)).isEqualTo(ReplyDeadline.PLAY_MILLIS + ReplyDeadline.OPEN_ENDED_MILLIS);
        assertThat(ReplyDeadline.of("RECORD FILE \"x\" wav \"#\" -1", CALL)).isEqualTo(ReplyDeadline.PLAY_MILLIS + ReplyDeadline.OPEN_ENDED_MILLIS);
    }

    @Test
    void whatASessionMissedIsToldOnceOnItsThread() throws Exception {
        ReplyDeadline.forget();
        assertThat(ReplyDeadline.takeMissed()).isNull();
        ReplyDeadline.missed(new ReplyDeadline.Overdue("ANSWER", 10_000).getMessage());
        java.util.concurrent.atomic.AtomicReference<String> onAnotherThread = new java.util.concurrent.atomic.AtomicReference<>("unset");
        Thread other = new Thread(() -> onAnotherThread.set(ReplyDeadline.takeMissed()));
        other.start();
        other.join();
        assertThat(onAnotherThread.get()).isNull();
        assertThat(ReplyDeadline.takeMissed()).isEqualTo("no reply to ANSWER within 10000 ms");
        assertThat(ReplyDeadline.takeMissed()).isNull();
    }
}
