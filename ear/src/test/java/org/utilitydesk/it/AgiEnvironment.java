package org.utilitydesk.it;

/**
 * What Asterisk 22 sends first on a FastAGI session (res_agi: agi_network, then setup_env's variables, every one of
 * them every time), ended by a blank line: the scripted Asterisk and the IVR benchmark open their calls with it, and
 * the application takes nothing less for a call.
 */
public final class AgiEnvironment {

    private AgiEnvironment() {
    }

    public static String of(String script, String caller, String uid, int port) {
        return "agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + script + "\n"
                + "agi_channel: PJSIP/trunk-" + uid + "\n"
                + "agi_language: zh\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + uid + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: " + caller + "\n"
                + "agi_calleridname: unknown\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: 95598\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: utilitydesk-inbound\n"
                + "agi_extension: 95598\n"
                + "agi_priority: 3\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140000000000\n"
                + "\n";
    }
}
