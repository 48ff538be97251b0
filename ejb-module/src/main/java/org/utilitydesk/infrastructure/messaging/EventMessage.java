package org.utilitydesk.infrastructure.messaging;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parsed form of an event message: its type, business message id and the work orders it names (one for
 * {@value #WORK_ORDER_OPENED}, up to {@value #MAX_ORDERS} for {@value #WORK_ORDERS_OPENED}, sent when a batch
 * is opened at once).
 */
public record EventMessage(String type, String messageId, List<Long> workOrderIds) {

    public static final String WORK_ORDER_OPENED = "WORK_ORDER_OPENED";
    public static final String WORK_ORDERS_OPENED = "WORK_ORDERS_OPENED";
    /** The message property naming the work order, so the broker can be asked for an order's messages. */
    public static final String WORK_ORDER_ID = "workOrderId";
    /** The same for a message naming several: their ids between commas, ",12,13,", for a LIKE selector. */
    public static final String WORK_ORDER_IDS = "workOrderIds";
    public static final int MAX_ORDERS = 1000;

    public EventMessage {
        workOrderIds = List.copyOf(workOrderIds);
    }

    /** Parses a message body, refusing anything that is not a complete event with a known type. */
    public static EventMessage parse(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedMessageException("empty message body");
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessageException("not a JSON object: " + e.getMessage());
        }
        String type = string(json, "type");
        String messageId = string(json, "messageId");
        if (messageId.length() > 64) {
            throw new MalformedMessageException("messageId longer than 64 characters");
        }
        if (WORK_ORDER_OPENED.equals(type)) {
            return new EventMessage(type, messageId, List.of(id(json.get("workOrderId"), "workOrderId")));
        }
        if (!WORK_ORDERS_OPENED.equals(type)) {
            throw new MalformedMessageException("unknown event type " + type);
        }
        if (!(json.get("workOrderIds") instanceof JsonArray ids) || ids.isEmpty() || ids.size() > MAX_ORDERS) {
            throw new MalformedMessageException("workOrderIds missing, empty or longer than " + MAX_ORDERS);
        }
        return new EventMessage(type, messageId, ids.stream().map(id -> id(id, "workOrderIds")).toList());
    }

    /** The message property value for several orders: {@code ,12,13,}. */
    public static String idsProperty(List<Long> workOrderIds) {
        return workOrderIds.stream().map(String::valueOf).collect(Collectors.joining(",", ",", ","));
    }

    /** The ids of an {@link #idsProperty} value; anything else in it is passed over. */
    public static List<Long> idsOf(String idsProperty) {
        return java.util.Arrays.stream(idsProperty.split(",")).filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }

    private static long id(JsonValue value, String name) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new MalformedMessageException(name + " missing or not an integer");
        }
        return number.longValueExact();
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw new MalformedMessageException(name + " missing");
        }
        return s.getString();
    }

    /** A message that can never be handled, whatever the number of tries. */
    public static class MalformedMessageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MalformedMessageException(String message) {
            super(message);
        }
    }
}
