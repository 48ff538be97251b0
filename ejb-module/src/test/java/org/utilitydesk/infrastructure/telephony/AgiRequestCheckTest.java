package org.utilitydesk.infrastructure.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgiRequestCheckTest {

    /** What Asterisk 22 sent for a call in this project's real-PBX tests (res_agi setup_env, FastAGI). */
    private static final List<String> ASTERISK = List.of("agi_network: yes", "agi_network_script: ivr",
            "agi_request: agi://127.0.0.1:24573/ivr", "agi_channel: PJSIP/trunk-00000001", "agi_language: zh",
            "agi_type: PJSIP", "agi_uniqueid: 1796670000.12", "agi_version: 22.10.1", "agi_callerid: 13800000001",
            "agi_calleridname: unknown", "agi_callingpres: 0", "agi_callingani2: 0", "agi_callington: 0",
            "agi_callingtns: 0", "agi_dnid: 95598", "agi_rdnis: unknown", "agi_context: utilitydesk-inbound",
            "agi_extension: 95598", "agi_priority: 3", "agi_enhanced: 0.0", "agi_accountcode: ",
            "agi_threadid: 140234567890", "agi_arg_1: first");

    private static AgiRequestCheck check() {
        return new AgiRequestCheck(Set.of("ivr", "outbound")::contains);
    }

    @Test
    void asterisksRequestIsTaken() {
        AgiRequestCheck check = check();
        for (String line : ASTERISK) {
            assertThat(check.refusal(line)).as(line).isNull();
        }
        assertThat(check.refusalAtEnd()).isNull();
    }

    @Test
    void garbageIsRefusedAtItsFirstLine() {
        assertThat(check().refusal("GET / HTTP/1.1")).contains("does not begin as FastAGI");
        assertThat(check().refusal("hello")).contains("does not begin as FastAGI");
        AgiRequestCheck check = check();
        check.refusal("agi_network: yes");
        assertThat(check.refusal("Host: x")).contains("line 2 is not an AGI variable");
    }

    @Test
    void aRequestForNoScriptOfOursOrWithoutAChannelIsRefused() {
        AgiRequestCheck check = check();
        check.refusal("agi_network: yes");
        assertThat(check.refusal("agi_request: agi://127.0.0.1/no-such-script")).contains("no script of ours");
        AgiRequestCheck other = check();
        other.refusal("agi_network: yes");
        assertThat(other.refusal("agi_request: http://127.0.0.1/ivr")).contains("no script of ours");
        assertThat(other.refusal("agi_channel: nothing")).contains("names no channel");
    }

    @Test
    void anEnvironmentMissingWhatAsteriskAlwaysSendsIsRefusedAtItsEnd() {
        AgiRequestCheck check = check();
        for (String line : List.of("agi_network: yes", "agi_request: agi://127.0.0.1/ivr", "agi_channel: PJSIP/x-1")) {
            assertThat(check.refusal(line)).isNull();
        }
        assertThat(check.refusalAtEnd()).startsWith("it lacks agi_accountcode, agi_callerid, agi_calleridname, agi_callingani2 and 14 more");
    }

    @Test
    void theLogShowsLinesShortAndPrintable() {
        assertThat(AgiRequestCheck.shown("a\u0000b\u001b[31m")).isEqualTo("a?b?[31m");
        assertThat(AgiRequestCheck.shown("x".repeat(100))).hasSize(61);
    }
}
