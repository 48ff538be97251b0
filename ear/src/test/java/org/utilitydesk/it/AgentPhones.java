package org.utilitydesk.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agents' side of one caller's call in the scripted Asterisk: the phones the application dials (Dial
 * over FastAGI) ring out or pick up as the test says, a pick-up is announced over the manager interface
 * (DialEnd) and the dial lasts as long as the conversation; a Bridge joins an agent leg still up (on hold).
 * Manager actions take the agent's leg out (Redirect for hold, Hangup), as in Asterisk.
 */
final class AgentPhones {

    private static final AtomicLong LEG_NO = new AtomicLong();

    private final String callerUid;
    /** Agents' legs of the calls in conversation (or waiting on hold), by channel name: what AMI actions name. */
    private final Map<String, AgentPhones> legs;
    private int missedDials;
    private boolean agentsAnswer;
    /** The caller and the agent said goodbye: the current and any later conversation ends at once. */
    private volatile boolean over;
    /** The conversation going on now (a dial answered, or a bridge): counted down when it ends. */
    private volatile CountDownLatch talk;
    private volatile String agentLeg;
    private volatile String agentLegUid;
    private volatile boolean legUp;
    private volatile String bridgeResult = "";
    private final List<String> bridged = Collections.synchronizedList(new ArrayList<>());
    private volatile String dialStatus = "NOANSWER";
    private final List<String> dialled = Collections.synchronizedList(new ArrayList<>());

    AgentPhones(String callerUid, Map<String, AgentPhones> legs) {
        this.callerUid = callerUid;
        this.legs = legs;
    }

    /** Phones pick up after {@code missed} dials that ring out unanswered. */
    void answerAfterMissing(int missed) {
        this.missedDials = missed;
        this.agentsAnswer = true;
    }

    /** The caller and the agent say goodbye (the agent hangs up their phone): the dial or bridge returns. */
    void endConversation() {
        over = true;
        String leg = agentLeg;
        if (leg != null) {
            legs.remove(leg);
        }
        legUp = false;
        CountDownLatch now = talk;
        if (now != null) {
            now.countDown();
        }
    }

    List<String> bridged() {
        return List.copyOf(bridged);
    }

    List<String> dialled() {
        return List.copyOf(dialled);
    }

    String agentLeg() {
        return agentLeg;
    }

    String dialStatus() {
        return dialStatus;
    }

    String bridgeResult() {
        return bridgeResult;
    }

    /** The manager interface takes the agent's leg out of its conversation: Redirect, or Hangup (announced). */
    boolean legLeaves(String channel, boolean hangUp) {
        if (!channel.equals(agentLeg) || !legUp) {
            return false;
        }
        if (hangUp) {
            legUp = false;
            legs.remove(channel);
            ScriptedManager.shared().emit("Hangup", "Channel: " + channel + "\r\nUniqueid: " + agentLegUid + "\r\nLinkedid: "
                    + callerUid + "\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n");
        }
        CountDownLatch now = talk;
        if (now != null) {
            now.countDown();
        }
        return true;
    }

    /** Rings an agent: missed while misses are left, else picked up and held until the conversation ends. */
    String dial(String arguments) {
        String target = arguments.split(",")[0];
        dialled.add(target);
        if (!agentsAnswer || missedDials > 0) {
            missedDials--;
            dialStatus = "NOANSWER";
            return "200 result=0";
        }
        dialStatus = "ANSWER";
        String leg = target + "-" + String.format("%08x", LEG_NO.incrementAndGet());
        agentLeg = leg;
        agentLegUid = callerUid + leg.hashCode();
        legUp = true;
        legs.put(leg, this);
        ScriptedManager.shared().emit("DialEnd", "Channel: PJSIP/trunk-" + callerUid + "\r\nUniqueid: " + callerUid
                + "\r\nLinkedid: " + callerUid + "\r\nDestChannel: " + leg + "\r\nDestUniqueid: "
                + agentLegUid + "\r\nDestLinkedid: " + callerUid + "\r\nDialStatus: ANSWER\r\n");
        converse(target);
        return "200 result=0";
    }

    /** Bridge(channel): joins the caller to an agent leg that is still up (on hold), as app_bridge does. */
    String bridge(String channel) {
        bridged.add(channel);
        if (!channel.equals(agentLeg) || !legUp) {
            bridgeResult = "NONEXISTENT";
            return "200 result=0";
        }
        bridgeResult = "SUCCESS";
        converse(channel);
        return "200 result=0";
    }

    /** Holds the dial or bridge until the conversation ends (goodbye, or the agent's leg is taken away). */
    private void converse(String with) {
        CountDownLatch now = new CountDownLatch(1);
        talk = now;
        if (over) {
            return;
        }
        try {
            if (!now.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never ended the conversation with " + with);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
