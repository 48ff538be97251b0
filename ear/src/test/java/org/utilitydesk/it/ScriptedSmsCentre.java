package org.utilitydesk.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre on the real SMPP 3.4 protocol (jsmpp's server side) for the application to bind to as a
 * transceiver: it checks the system id and password, accepts submit_sm and keeps every message with its
 * number and its text decoded from UCS-2 (short message or message_payload). Tests can take it down
 * and bring it back, and deliver a customer's text to the application (deliver_sm).
 */
final class ScriptedSmsCentre {

    /** One message as the SMS centre received it. */
    record Sms(String number, String source, String text) {
    }

    private static ScriptedSmsCentre shared;

    private final int port;
    private final String password;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile SMPPServerSessionListener listener;

    private ScriptedSmsCentre(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /** Set while the centre plays "down": nothing is accepted, whatever session it arrives on. */
    private volatile boolean down;

    static synchronized ScriptedSmsCentre shared() {
        if (shared == null) {
            shared = new ScriptedSmsCentre(Integer.getInteger("it.smpp.port", 22775), System.getProperty("it.smpp.password", ""));
            shared.start();
        }
        return shared;
    }

    synchronized void start() {
        down = false;
        if (listener != null) {
            return;
        }
        try {
            SMPPServerSessionListener opened = new SMPPServerSessionListener(port);
            opened.setMessageReceiverListener(new Receiver());
            listener = opened;
            Thread acceptor = new Thread(() -> accept(opened), "scripted-smsc-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("the scripted SMS centre cannot listen on port " + port, e);
        }
    }

    /** As an SMS centre that goes down: the listener closes and every bound session drops. */
    synchronized void stop() throws IOException {
        // first refuse everything, so a session accepted or bound while closing cannot deliver
        down = true;
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /**
     * A customer texts the hotline: the centre delivers it (deliver_sm, UCS-2) on a session the application
     * bound to receive on; false if there is none.
     */
    boolean deliver(String from, String text) {
        for (SMPPServerSession session : sessions) {
            if (!session.getSessionState().isReceivable()) {
                continue;
            }
            try {
                session.deliverShortMessage("", org.jsmpp.bean.TypeOfNumber.NATIONAL, org.jsmpp.bean.NumberingPlanIndicator.ISDN,
                        from, org.jsmpp.bean.TypeOfNumber.NATIONAL, org.jsmpp.bean.NumberingPlanIndicator.ISDN, "95598",
                        new org.jsmpp.bean.ESMClass(), (byte) 0, (byte) 1, new org.jsmpp.bean.RegisteredDelivery(),
                        new org.jsmpp.bean.GeneralDataCoding(org.jsmpp.bean.Alphabet.ALPHA_UCS2),
                        text.getBytes(StandardCharsets.UTF_16BE));
                return true;
            } catch (Exception e) {
                // that session is gone; try the next
            }
        }
        return false;
    }

    List<Sms> to(String number) {
        return received.stream().filter(s -> s.number().equals(number)).toList();
    }

    private void accept(SMPPServerSessionListener from) {
        while (true) {
            SMPPServerSession session;
            try {
                session = from.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (down) {
                session.close();
                continue;
            }
            sessions.add(session);
            Thread binder = new Thread(() -> bind(session), "scripted-smsc-bind");
            binder.setDaemon(true);
            binder.start();
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (password.equals(request.getPassword())) {
                request.accept(request.getSystemId());
            } else {
                request.reject(0x0E); // ESME_RINVPASWD
            }
        } catch (Exception e) {
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            if (down) {
                throw new ProcessRequestException("the SMS centre is down", 0x08); // ESME_RSYSERR
            }
            byte[] body = submit.getShortMessage();
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            if ((body == null || body.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
                body = octets.getValue();
            }
            boolean ucs2 = (submit.getDataCoding() & 0x0C) == 0x08; // alphabet bits 3-2 = 10: UCS-2
            String text = new String(body == null ? new byte[0] : body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            received.add(new Sms(submit.getDestAddress(), submit.getSourceAddr(), text));
            try {
                return new SubmitSmResult(new MessageId(Long.toHexString(ids.incrementAndGet())), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", 0x03);
        }
    }
}
