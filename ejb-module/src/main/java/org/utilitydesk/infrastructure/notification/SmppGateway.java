package org.utilitydesk.infrastructure.notification;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.utilitydesk.application.SmsQueries;
import org.utilitydesk.domain.model.customer.PersonalData;

/**
 * Talks to the operator's SMS centre over SMPP 3.4 as a transceiver. Sends: the session is opened when a
 * message needs it and opened again after it breaks; Chinese text goes as UCS-2, longer than one segment
 * (70 characters) in the message_payload parameter. Receives: texts customers send to the hotline
 * (deliver_sm) are acknowledged at once and answered by {@link SmsQueries} on a managed thread; delivery
 * receipts are only logged. {@link SmppLink} keeps the session bound so texts arrive while nothing is sent.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SmppGateway {

    private static final Logger LOG = Logger.getLogger(SmppGateway.class.getName());
    private static final int SEGMENT_CHARS = 70;

    @Inject
    @ConfigProperty(name = "utilitydesk.smpp.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "utilitydesk.smpp.port", defaultValue = "2775")
    private int port;

    @Inject
    @ConfigProperty(name = "utilitydesk.smpp.system-id", defaultValue = "utilitydesk")
    private String systemId;

    @Inject
    @ConfigProperty(name = "utilitydesk.smpp.password")
    private Optional<String> password;

    /** The sender number customers see. */
    @Inject
    @ConfigProperty(name = "utilitydesk.smpp.source", defaultValue = "95598")
    private String source;

    @Inject
    private SmsQueries queries;

    @Resource
    private ManagedExecutorService executor;

    private SMPPSession session;
    private String lastProblem = "";

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** Sends one text; returns the SMS centre's message id. Throws if it could not be handed over. */
    public synchronized String send(String number, String text) throws IOException {
        SMPPSession bound = session();
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        boolean oneSegment = text.length() <= SEGMENT_CHARS;
        try {
            return bound.submitShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, source,
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, number, new ESMClass(), (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0,
                    oneSegment ? ucs2 : new byte[0],
                    oneSegment ? new OptionalParameter[0]
                            : new OptionalParameter[] {new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), ucs2)})
                    .getMessageId();
        } catch (NegativeResponseException e) {
            throw new IOException("the SMS centre refused the message: " + e.getMessage(), e);
        } catch (PDUException | ResponseTimeoutException | InvalidResponseException | IOException e) {
            close();
            throw new IOException("SMPP submit failed: " + e.getMessage(), e);
        }
    }

    /** Binds if not bound; a failure is logged once until it changes or the link comes back. */
    public synchronized void keepBound() {
        try {
            session();
            lastProblem = "";
        } catch (IOException | RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warning(() -> "Cannot bind to the SMS centre at " + host.orElse("?") + ":" + port + " (" + problem
                        + "); texts from customers wait until it is back");
            }
            lastProblem = problem;
        }
    }

    private SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession opened = new SMPPSession();
        opened.setTransactionTimer(5_000);
        opened.setMessageReceiverListener(new Incoming());
        opened.setEnquireLinkTimer(30_000);
        opened.connectAndBind(host.orElseThrow(), port, new BindParameter(BindType.BIND_TRX, systemId, password.orElse(""), "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        LOG.info(() -> "SMPP session bound to " + host.get() + ":" + port + " as " + systemId);
        session = opened;
        return opened;
    }

    @PreDestroy
    synchronized void close() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }
    /** jsmpp's reader thread: decodes and hands over, never waits on the application. */
    private final class Incoming implements MessageReceiverListener {
        @Override
        public void onAcceptDeliverSm(DeliverSm deliver) {
            if (deliver.isSmscDeliveryReceipt()) {
                LOG.fine(() -> "SMS delivery receipt from " + deliver.getSourceAddr());
                return;
            }
            String from = deliver.getSourceAddr();
            String text = decode(deliver.getShortMessage(), deliver.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD),
                    deliver.getDataCoding());
            try {
                executor.execute(() -> {
                    try {
                        queries.received(from, text);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "SMS from " + PersonalData.maskPhone(from) + " could not be answered", e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "SMS from " + PersonalData.maskPhone(from) + " dropped: the application is stopping", e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alert) {
            // not used: the centre tells us about reachable handsets, which we do not track
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03); // ESME_RINVCMDID
        }
    }

    /** The text of a short message: UCS-2 when the data coding says so, else GSM default read as Latin-1. */
    static String decode(byte[] shortMessage, OptionalParameter payload, byte dataCoding) {
        byte[] body = shortMessage;
        if ((body == null || body.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
            body = octets.getValue();
        }
        boolean ucs2 = (dataCoding & 0x0C) == 0x08;
        return new String(body == null ? new byte[0] : body, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }
}
