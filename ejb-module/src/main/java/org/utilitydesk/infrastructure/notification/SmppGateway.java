package org.utilitydesk.infrastructure.notification;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * Sends SMS to the operator's SMS centre over SMPP 3.4 as a transmitter. The session is opened when the
 * first message needs it and opened again after it breaks; Chinese text goes as UCS-2, longer than one
 * segment (70 characters) in the message_payload parameter.
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

    private SMPPSession session;

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

    private SMPPSession session() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        close();
        SMPPSession opened = new SMPPSession();
        opened.setTransactionTimer(5_000);
        opened.connectAndBind(host.orElseThrow(), port, new BindParameter(BindType.BIND_TX, systemId, password.orElse(""), "",
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
}
