package org.utilitydesk.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.call.CallRecord;
import org.utilitydesk.domain.model.call.IvrStep;
import org.utilitydesk.domain.model.call.OutboundCall;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.domain.model.customer.InvalidAccountNumberException;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerRepository;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/** Keeps call records and identifies callers; each report is its own short transaction or single statement. */
@Stateless
public class DefaultCallHandling implements CallHandling {

    private static final Logger LOG = Logger.getLogger(DefaultCallHandling.class.getName());

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @Inject
    private CustomerRepository customers;

    @Inject
    private Clock clock;

    @Inject
    private WorkOrderService workOrders;

    /** How each fault type the IVR offers is named on the work order, and how urgent it is. */
    private static final Map<String, String> FAULT_SUBJECTS = Map.of(
            "NO_POWER", "电话报修：家中停电",
            "AREA_OUTAGE", "电话报修：片区停电",
            "METER", "电话报修：电表故障",
            "SAFETY_HAZARD", "电话报修：用电安全隐患");

    /**
     * One statement in autocommit, no transaction: the channel event and the IVR may report the same call,
     * even at the same moment, and one insert wins while the other finds its row; either way the key the
     * statement returns is the row's id ({@code LAST_INSERT_ID(id)} on a duplicate). As a JPA native query
     * in a transaction this was five statements (autocommit off, insert, id read, commit, autocommit on) for
     * every call that rings in.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long callStarted(String callUid, String callerNumber, String calledNumber) {
        CallRecord call = outboundCall(callUid)
                .map(o -> CallRecord.outbound(callUid, callerNumber, o.getNumber(), o.getAccountId(), clock.instant()))
                .orElseGet(() -> CallRecord.inbound(callUid, callerNumber, calledNumber, clock.instant()));
        try (Connection db = dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("INSERT INTO call_record (call_uid, direction, caller_number,"
                     + " called_number, account_id, started_at) VALUES (?, ?, ?, ?, ?, ?)"
                     + " ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, call.getCallUid());
            insert.setString(2, call.getDirection());
            insert.setString(3, call.getCallerNumber());
            insert.setString(4, call.getCalledNumber());
            insert.setObject(5, call.getAccountId(), Types.BIGINT);
            insert.setTimestamp(6, Timestamp.from(call.getStartedAt()));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                if (!key.next()) {
                    throw new PersistenceException("no id returned for the record of call " + callUid);
                }
                return key.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("the record of call " + callUid + " could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public void callAnswered(String callUid, Instant at) {
        lockedByUid(callUid).ifPresent(call -> call.answered(at));
    }

    @Override
    public void callHungUp(String callUid, String cause, Instant at) {
        Optional<CallRecord> call = lockedByUid(callUid);
        if (call.isEmpty()) {
            LOG.fine(() -> "hangup of call " + callUid + " that was never recorded; ignored");
            return;
        }
        call.get().hungUp(cause, at);
    }

    @Override
    public List<String> callsInProgress(Instant startedBefore) {
        return em.createQuery("SELECT c.callUid FROM CallRecord c WHERE c.endedAt IS NULL AND c.startedAt < :before"
                        + " AND c.startedAt >= :since ORDER BY c.startedAt", String.class)
                .setParameter("before", startedBefore).setParameter("since", startedBefore.minus(Duration.ofDays(1)))
                .getResultList();
    }

    /**
     * The record, locked until the transaction ends: the telephone system's events and the IVR's summary
     * arrive on different threads and must not overwrite each other's outcome.
     */
    private Optional<CallRecord> lockedByUid(String callUid) {
        return em.createNamedQuery("CallRecord.findByUid", CallRecord.class).setParameter("uid", callUid)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private Optional<OutboundCall> outboundCall(String callUid) {
        return OutboundCall.idOf(callUid).map(id -> em.find(OutboundCall.class, id));
    }

    @Override
    public Optional<Caller> identifyByCallerId(String callerNumber) {
        if (callerNumber == null || !callerNumber.matches("\\+?\\d{5,20}")) {
            return Optional.empty();
        }
        List<Customer> matches = customers.findByPhone(callerNumber.startsWith("+86") ? callerNumber.substring(3) : callerNumber);
        if (matches.size() != 1) {
            return Optional.empty();
        }
        Customer customer = matches.get(0);
        List<Account> accounts = customer.getAccounts();
        Long accountId = accounts.size() == 1 ? accounts.get(0).getId() : null;
        return Optional.of(new Caller(customer.getId(), accountId, customer.getName(), customer.getPreferredLanguage()));
    }

    @Override
    public Optional<Caller> identifyByAccount(String accountNumber) {
        Optional<Account> account;
        try {
            account = customers.findAccount(AccountNumber.of(accountNumber));
        } catch (InvalidAccountNumberException e) {
            return Optional.empty();
        }
        return account.map(a -> {
            Customer customer = a.getCustomer();
            return new Caller(customer.getId(), a.getId(), customer.getName(), customer.getPreferredLanguage());
        });
    }

    @Override
    public String reportFault(long callId, long accountId, String faultType, String callerNumber) {
        String subject = FAULT_SUBJECTS.get(faultType);
        if (subject == null) {
            throw new IllegalArgumentException("unknown fault type " + faultType + "; known: " + FAULT_SUBJECTS.keySet());
        }
        CallRecord call = call(callId);
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        WorkOrder order = workOrders.open(new WorkOrderRequest("ivr:" + call.getCallUid() + ":" + faultType,
                WorkOrderType.FAULT_REPAIR, "SAFETY_HAZARD".equals(faultType) ? Priority.URGENT : Priority.NORMAL,
                Channel.IVR, account.getCustomer().getId(), account.getId(), account.getServiceArea().getId(), subject,
                "来电 " + call.getCallUid(), account.getSupplyAddress(),
                callerNumber != null && callerNumber.matches("\\+?\\d{5,20}") ? callerNumber : null), "ivr");
        return order.getOrderNo();
    }

    @Override
    public void voicemailLeft(long callId, Long accountId, String recordingPath, int durationSeconds) {
        CallRecord call = call(callId);
        em.createNativeQuery("INSERT INTO voicemail (call_id, caller_number, account_id, recording_path, duration_seconds,"
                        + " received_at, status) VALUES (?, ?, ?, ?, ?, ?, 'NEW')")
                .setParameter(1, callId)
                .setParameter(2, call.getCallerNumber())
                .setParameter(3, accountId)
                .setParameter(4, recordingPath)
                .setParameter(5, Math.max(0, durationSeconds))
                .setParameter(6, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    @Override
    public void callEnded(long callId, CallSummary summary) {
        CallRecord call = em.find(CallRecord.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null) {
            throw new IllegalArgumentException("no call record " + callId);
        }
        if (call.getIvrPath() != null) {
            return;
        }
        if (summary.answeredAt() != null) {
            call.answered(summary.answeredAt());
        }
        if (summary.customerId() != null) {
            call.identified(summary.customerId(), summary.accountId());
        }
        summary.path().forEach(call::stepped);
        if (summary.path().isEmpty()) {
            call.stepped("NONE");
        }
        call.servedByIvr(summary.outcome(), summary.cause(), clock.instant());
        List<IvrStep> steps = IvrStep.of(summary.path());
        if (steps.isEmpty()) {
            return;
        }
        // one statement for all steps: the path is written once per call, as the call ends
        StringBuilder sql = new StringBuilder("INSERT INTO call_ivr_step (call_id, seq, node_code, input, at) VALUES ");
        for (int seq = 0; seq < steps.size(); seq++) {
            sql.append(seq == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        var insert = em.createNativeQuery(sql.toString());
        Timestamp at = Timestamp.from(clock.instant());
        for (int seq = 0, p = 1; seq < steps.size(); seq++) {
            insert.setParameter(p++, callId).setParameter(p++, seq + 1).setParameter(p++, steps.get(seq).node())
                    .setParameter(p++, steps.get(seq).input()).setParameter(p++, at);
        }
        insert.executeUpdate();
    }

    private CallRecord call(long callId) {
        CallRecord call = em.find(CallRecord.class, callId);
        if (call == null) {
            throw new IllegalArgumentException("no call record " + callId);
        }
        return call;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> warmUpCallerNumber() {
        try (Connection db = dataSource.getConnection();
             PreparedStatement query = db.prepareStatement("SELECT c.mobile_phone FROM customer c JOIN account a ON a.customer_id = c.id"
                     + " WHERE c.mobile_phone IS NOT NULL AND EXISTS (SELECT 1 FROM bill b WHERE b.account_id = a.id)"
                     + " AND NOT EXISTS (SELECT 1 FROM account o WHERE o.customer_id = c.id AND o.id <> a.id)"
                     + " AND (SELECT COUNT(*) FROM customer d WHERE d.mobile_phone = c.mobile_phone OR d.other_phone = c.mobile_phone) = 1"
                     + " ORDER BY c.id LIMIT 1");
             ResultSet found = query.executeQuery()) {
            return found.next() ? Optional.of(found.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new PersistenceException("could not find a caller for the IVR's warm-up", e);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int forgetCalls(String uidPrefix) {
        if (!uidPrefix.matches("[a-z-]{3,}")) {
            throw new IllegalArgumentException("not a call id prefix of the application's own: " + uidPrefix);
        }
        try (Connection db = dataSource.getConnection();
             PreparedStatement delete = db.prepareStatement("DELETE FROM call_record WHERE call_uid LIKE ?")) {
            delete.setString(1, uidPrefix + "%");
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not remove the records of calls " + uidPrefix + "*", e);
        }
    }
}
