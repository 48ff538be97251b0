package org.utilitydesk.infrastructure.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventMessageTest {

    @Test
    void parsesAWorkOrderEvent() {
        EventMessage m = EventMessage.parse("{\"type\":\"WORK_ORDER_OPENED\",\"messageId\":\"m-1\",\"workOrderId\":42,\"orderNo\":\"GD1\"}");
        assertThat(m).isEqualTo(new EventMessage("WORK_ORDER_OPENED", "m-1", List.of(42L)));
    }

    @Test
    void parsesAnEventForSeveralWorkOrders() {
        EventMessage m = EventMessage.parse("{\"type\":\"WORK_ORDERS_OPENED\",\"messageId\":\"m-2\",\"workOrderIds\":[7,8,9]}");
        assertThat(m).isEqualTo(new EventMessage("WORK_ORDERS_OPENED", "m-2", List.of(7L, 8L, 9L)));
        assertThat(EventMessage.idsProperty(m.workOrderIds())).isEqualTo(",7,8,9,");
    }

    @Test
    void theIdsPropertyReadsBackAsItsIds() {
        assertThat(EventMessage.idsOf(EventMessage.idsProperty(java.util.List.of(7L, 8L, 12345678901L)))).containsExactly(7L, 8L, 12345678901L);
        assertThat(EventMessage.idsOf(",x,,3,")).containsExactly(3L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"type\":\"WORK_ORDER_OPENED\",\"workOrderId\":1}",
        "{\"type\":\"SOMETHING\",\"messageId\":\"m\",\"workOrderId\":1}",
        "{\"type\":\"WORK_ORDER_OPENED\",\"messageId\":\"m\",\"workOrderId\":\"1\"}",
        "{\"type\":\"WORK_ORDER_OPENED\",\"messageId\":\"m\",\"workOrderId\":1.5}",
        "{\"type\":\"WORK_ORDERS_OPENED\",\"messageId\":\"m\",\"workOrderIds\":[]}",
        "{\"type\":\"WORK_ORDERS_OPENED\",\"messageId\":\"m\",\"workOrderIds\":[1,\"2\"]}",
        "{\"type\":\"WORK_ORDERS_OPENED\",\"messageId\":\"m\",\"workOrderId\":1}"})
    void refusesAnythingIncomplete(String body) {
        assertThatThrownBy(() -> EventMessage.parse(body)).isInstanceOf(EventMessage.MalformedMessageException.class);
    }
}
