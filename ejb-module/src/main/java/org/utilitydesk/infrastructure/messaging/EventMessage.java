package org.utilitydesk.infrastructure.messaging;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** The parsed form of an event message: its type, business message id and the work order it names. */
public record EventMessage(String type, String messageId, long workOrderId) {

    public static final String WORK_ORDER_OPENED = "WORK_ORDER_OPENED";
    /** The message property naming the work order, so the broker can be asked for an order's messages. */
    public static final String WORK_ORDER_ID = "workOrderId";

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
        if (!WORK_ORDER_OPENED.equals(type)) {
            throw new MalformedMessageException("unknown event type " + type);
        }
        if (messageId.length() > 64) {
            throw new MalformedMessageException("messageId longer than 64 characters");
        }
        JsonValue id = json.get("workOrderId");
        if (!(id instanceof JsonNumber number) || !number.isIntegral()) {
            throw new MalformedMessageException("workOrderId missing or not an integer");
        }
        return new EventMessage(type, messageId, number.longValueExact());
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
