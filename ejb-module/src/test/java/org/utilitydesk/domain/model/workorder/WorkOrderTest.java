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
}
