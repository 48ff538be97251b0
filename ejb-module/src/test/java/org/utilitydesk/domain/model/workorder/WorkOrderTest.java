package org.utilitydesk.domain.model.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkOrderTest {

    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    private static WorkOrder faultReport() {
        return new WorkOrder(new WorkOrderRequest("k1", WorkOrderType.FAULT_REPAIR, null, Channel.IVR, 1L, 2L, 3L,
                "停电", null, "地址", "13800000001"), "ivr", T0);
    }

    @Test
    void aNewOrderIsNewWithACreatedEventAndNormalPriority() {
        WorkOrder order = faultReport();
        assertThat(order.getState()).isEqualTo(WorkOrderState.NEW);
        assertThat(order.getPriority()).isEqualTo(Priority.NORMAL);
        assertThat(order.getEvents()).singleElement().satisfies(e -> {
            assertThat(e.getEventType()).isEqualTo("CREATED");
            assertThat(e.getActor()).isEqualTo("ivr");
            assertThat(e.getChannel()).isEqualTo(Channel.IVR);
        });
    }

    @Test
    void dispatchRecordsDepartmentDeadlineAndEvent() {
        WorkOrder order = faultReport();
        order.dispatch(14, "桐庐抢修班", T0.plusSeconds(5400), "router", T0.plusSeconds(1));
        assertThat(order.getState()).isEqualTo(WorkOrderState.DISPATCHED);
        assertThat(order.getAssignedDepartmentId()).isEqualTo(14L);
        assertThat(order.getSlaDueAt()).isEqualTo(T0.plusSeconds(5400));
        assertThat(order.getEvents()).extracting(WorkOrderEvent::getEventType).containsExactly("CREATED", "DISPATCHED");
    }

    @Test
    void newCannotJumpToClosedAndNothingIsRecorded() {
        WorkOrder order = faultReport();
        assertThatThrownBy(() -> order.moveTo(WorkOrderState.CLOSED, "CLOSED", "agent01", Channel.DESK, null, T0))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("NEW").hasMessageContaining("CLOSED");
        assertThat(order.getState()).isEqualTo(WorkOrderState.NEW);
        assertThat(order.getEvents()).hasSize(1);
    }

    @Test
    void dispatchingTwiceFromNewIsRefusedOnceClosed() {
        WorkOrder order = faultReport();
        order.dispatch(1, "调度中心", T0, "router", T0);
        order.moveTo(WorkOrderState.IN_PROGRESS, "STARTED", "crew", Channel.DESK, null, T0);
        order.moveTo(WorkOrderState.RESOLVED, "RESOLVED", "crew", Channel.DESK, null, T0);
        order.moveTo(WorkOrderState.CLOSED, "CLOSED", "agent", Channel.DESK, null, T0);
        assertThat(order.getClosedAt()).isEqualTo(T0);
        assertThatThrownBy(() -> order.dispatch(1, "调度中心", T0, "router", T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void terminalStatesAllowNothing() {
        for (WorkOrderState target : WorkOrderState.values()) {
            assertThat(WorkOrderState.CLOSED.canMoveTo(target)).isFalse();
            assertThat(WorkOrderState.CANCELLED.canMoveTo(target)).isFalse();
        }
        assertThat(WorkOrderState.RESOLVED.canMoveTo(WorkOrderState.IN_PROGRESS)).as("reopen").isTrue();
    }

    @Test
    void theClockRunsToTheRespondDeadlineUntilWorkStartsThenToTheResolveDeadline() {
        WorkOrder order = faultReport();
        // a crew on site within 45 minutes, the fault fixed within 8 hours
        order.dispatch(2, "上城抢修班", T0.plusSeconds(45 * 60), T0.plusSeconds(8 * 3600), "router", T0);
        assertThat(order.slaStatus(T0.plusSeconds(40 * 60))).isEqualTo(SlaStatus.AT_RISK);
        assertThat(order.warnIfAtRisk(T0.plusSeconds(40 * 60))).isTrue();
        // waiting on the customer for ten minutes moves both deadlines
        order.awaitCustomer("crew-sc1", Channel.CREW, "客户不在家", T0.plusSeconds(41 * 60));
        order.customerResponded("crew-sc1", Channel.CREW, null, T0.plusSeconds(51 * 60));
        assertThat(order.getSlaDueAt()).isEqualTo(T0.plusSeconds(55 * 60));
        assertThat(order.getResolveDueAt()).isEqualTo(T0.plusSeconds(8 * 3600 + 600));

        order.start("crew-sc1", Channel.CREW, "已到现场", T0.plusSeconds(52 * 60));
        assertThat(order.getSlaDueAt()).as("on site in time: the clock now runs to the fix").isEqualTo(T0.plusSeconds(8 * 3600 + 600));
        assertThat(order.slaStatus(T0.plusSeconds(2 * 3600))).isEqualTo(SlaStatus.ON_TRACK);
        assertThat(order.warnIfAtRisk(T0.plusSeconds(7 * 3600))).as("the resolve deadline warns again at 80%").isTrue();
        assertThat(order.slaStatus(T0.plusSeconds(9 * 3600))).isEqualTo(SlaStatus.BREACHED);
    }

    @Test
    void aLateResponseAndThenALateFixAreEscalatedEachOnce() {
        WorkOrder order = faultReport();
        order.dispatch(2, "上城抢修班", T0.plusSeconds(45 * 60), T0.plusSeconds(8 * 3600), "router", T0);
        assertThat(order.escalateIfBreached(T0.plusSeconds(50 * 60))).as("the crew is late").isTrue();
        assertThat(order.escalateIfBreached(T0.plusSeconds(55 * 60))).isFalse();
        order.start("crew-sc1", Channel.CREW, "已到现场", T0.plusSeconds(60 * 60));
        assertThat(order.escalateIfBreached(T0.plusSeconds(7 * 3600))).isFalse();
        assertThat(order.escalateIfBreached(T0.plusSeconds(8 * 3600 + 1))).as("and the fix is late too").isTrue();
        assertThat(order.escalateIfBreached(T0.plusSeconds(9 * 3600))).isFalse();
        assertThat(order.getEscalationLevel()).isEqualTo(2);
        assertThat(order.getEvents()).extracting(WorkOrderEvent::getEventType)
                .containsExactly("CREATED", "DISPATCHED", "SLA_BREACHED", "STARTED", "SLA_BREACHED");
    }

    @Test
    void aPersonsEscalationCountsForTheDeadlineThatIsRunning() {
        WorkOrder order = faultReport();
        order.dispatch(2, "上城抢修班", T0.plusSeconds(45 * 60), T0.plusSeconds(8 * 3600), "router", T0);
        order.escalate("supervisor", Channel.DESK, "重要客户", T0.plusSeconds(10 * 60));
        assertThat(order.escalateIfBreached(T0.plusSeconds(50 * 60))).as("escalated already").isFalse();
        order.start("crew-sc1", Channel.CREW, null, T0.plusSeconds(60 * 60));
        assertThat(order.escalateIfBreached(T0.plusSeconds(8 * 3600 + 1))).isTrue();
        assertThat(order.getEscalationLevel()).isEqualTo(2);
    }

    /** Dispatched at T0 with a 100-minute SLA. */
    private static WorkOrder dispatched() {
        WorkOrder order = faultReport();
        order.dispatch(1, "桐庐抢修班", T0.plusSeconds(6000), "router", T0);
        return order;
    }

    @Test
    void theSlaWarnsOnceAt80PercentAndEscalatesOnceOnBreach() {
        WorkOrder order = dispatched();
        assertThat(order.slaStatus(T0.plusSeconds(4700))).isEqualTo(SlaStatus.ON_TRACK);
        assertThat(order.warnIfAtRisk(T0.plusSeconds(4700))).isFalse();
        assertThat(order.slaStatus(T0.plusSeconds(4800))).isEqualTo(SlaStatus.AT_RISK);
        assertThat(order.warnIfAtRisk(T0.plusSeconds(4800))).isTrue();
        assertThat(order.warnIfAtRisk(T0.plusSeconds(4900))).as("only once").isFalse();
        assertThat(order.escalateIfBreached(T0.plusSeconds(5999))).isFalse();
        assertThat(order.escalateIfBreached(T0.plusSeconds(6001))).isTrue();
        assertThat(order.escalateIfBreached(T0.plusSeconds(7000))).as("only once").isFalse();
        assertThat(order.getEscalationLevel()).isEqualTo(1);
        assertThat(order.getEvents()).extracting(WorkOrderEvent::getEventType)
                .containsExactly("CREATED", "DISPATCHED", "SLA_WARNING", "SLA_BREACHED");
    }

    @Test
    void waitingOnTheCustomerStopsTheClockAndMovesTheDeadline() {
        WorkOrder order = dispatched();
        order.start("crew", Channel.DESK, null, T0.plusSeconds(600));
        order.awaitCustomer("crew", Channel.DESK, "客户约明天上午", T0.plusSeconds(1000));
        assertThat(order.slaStatus(T0.plusSeconds(9000))).isEqualTo(SlaStatus.PAUSED);
        assertThat(order.escalateIfBreached(T0.plusSeconds(9000))).isFalse();
        order.customerResponded("crew", Channel.DESK, null, T0.plusSeconds(11_000));
        assertThat(order.getSlaDueAt()).isEqualTo(T0.plusSeconds(16_000));
        assertThat(order.slaStatus(T0.plusSeconds(11_000))).isEqualTo(SlaStatus.ON_TRACK);
        assertThatThrownBy(() -> order.customerResponded("crew", Channel.DESK, null, T0.plusSeconds(11_001)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void resolvingWhileWaitingEndsThePauseAndNothingIsDueAnyMore() {
        WorkOrder order = dispatched();
        order.start("crew", Channel.DESK, null, T0);
        order.awaitCustomer("crew", Channel.DESK, null, T0.plusSeconds(100));
        order.resolve("crew", Channel.DESK, "已恢复供电", T0.plusSeconds(400));
        assertThat(order.getSlaPausedSince()).isNull();
        assertThat(order.slaStatus(T0.plusSeconds(100_000))).isEqualTo(SlaStatus.NONE);
    }

    @Test
    void cancellingAndReopeningNeedAReasonAndEscalatingAClosedOrderIsRefused() {
        WorkOrder order = dispatched();
        assertThatThrownBy(() -> order.cancel("sup", Channel.DESK, " ", T0)).isInstanceOf(MissingNoteException.class);
        order.start("crew", Channel.DESK, null, T0);
        order.resolve("crew", Channel.DESK, null, T0);
        assertThatThrownBy(() -> order.reopen("agent", Channel.DESK, null, T0)).isInstanceOf(MissingNoteException.class);
        order.reopen("agent", Channel.DESK, "客户反映仍然停电", T0);
        assertThat(order.getState()).isEqualTo(WorkOrderState.IN_PROGRESS);
        order.resolve("crew", Channel.DESK, null, T0);
        order.close("agent", Channel.DESK, null, T0);
        assertThatThrownBy(() -> order.escalate("sup", Channel.DESK, "x", T0))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("ESCALATE");
    }
}
