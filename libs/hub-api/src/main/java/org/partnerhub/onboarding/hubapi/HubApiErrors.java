package org.partnerhub.onboarding.hubapi;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.ProcessingException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.VertxException;

/**
 * Sorts what went wrong in a call into transient and permanent, per the Partner API's error rules: 5xx, 408, 409 and
 * 429 are worth retrying, as are timeouts and broken connections; any other 4xx is permanent for that attempt.
 */
final class HubApiErrors {

    private static final int MAX_DETAIL = 300;

    private final ObjectMapper mapper;
    private final Clock clock;

    HubApiErrors(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    HubApiException classify(String operation, Throwable failure) {
        if (failure instanceof HubApiException known) {
            return known;
        }
        if (failure instanceof CallLimiter.SlotWaitExpired expired) {
            return new TransientHubApiException(operation + ": " + expired.getMessage(), 0, null, null);
        }
        if (failure instanceof HttpAnswer answer) {
            return fromAnswer(operation, answer);
        }
        if (causedBy(failure, JsonProcessingException.class)) {
            return new PermanentHubApiException(operation + ": unreadable answer", 0, null);
        }
        if (causedBy(failure, TimeoutException.class)
                || causedBy(failure, io.smallrye.mutiny.TimeoutException.class)) {
            return new TransientHubApiException(operation + ": timed out", 0, null, null);
        }
        if (causedBy(failure, IOException.class) || causedBy(failure, ProcessingException.class)
                || causedBy(failure, VertxException.class)) {
            // The cause's message may carry a URL, never a credential: credentials travel in headers only.
            return new TransientHubApiException(operation + ": no answer (" + failure.getClass().getSimpleName() + ")",
                    0, null, null);
        }
        return new PermanentHubApiException(operation + ": " + failure.getClass().getSimpleName(), 0, null);
    }

    private HubApiException fromAnswer(String operation, HttpAnswer answer) {
        int status = answer.status;
        String message = operation + ": HTTP " + status + detail(answer.body);
        if (status >= 500 || status == 408 || status == 409 || status == 429) {
            return new TransientHubApiException(message, status, RetryAfter.parse(answer.retryAfter, clock).orElse(null),
                    null);
        }
        return new PermanentHubApiException(message, status, null);
    }

    /** 360dialog's developer message or token error description, shortened; the raw body is not repeated. */
    private String detail(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = mapper.readTree(body);
            String text = firstText(json.path("meta").path("developer_message"), json.path("error_description"),
                    json.path("error"), json.path("detail"));
            if (text == null) {
                return "";
            }
            return " (" + (text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text) + ")";
        } catch (IOException notJson) {
            return "";
        }
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
