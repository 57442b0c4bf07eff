package org.partnerhub.onboarding.runtime.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A span's W3C trace context as it travels between services: the {@code traceparent} header of a Kafka record or an
 * HTTP request, and the value stored with an outbox or claim row until the work it started goes on.
 */
public record TraceParent(String value) {

    /** The header, and the outbox headers' key, that carries it. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context in {@code value}, if it is a valid W3C {@code traceparent}; anything else starts a new trace. */
    public static Optional<TraceParent> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        TraceParent candidate = new TraceParent(value);
        return candidate.spanContext().isValid() ? Optional.of(candidate) : Optional.empty();
    }

    /** The context carried in {@code headers} (a record's or a request's), if any. */
    public static Optional<TraceParent> from(Map<String, String> headers) {
        return parse(headers.get(HEADER));
    }

    /** The context a consumed Kafka record carries, if any. */
    public static Optional<TraceParent> from(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        return header == null || header.value() == null ? Optional.empty()
                : parse(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Sets this context on a record about to be sent, replacing any it had. */
    public Headers addTo(Headers headers) {
        headers.remove(HEADER);
        return headers.add(HEADER, value.getBytes(StandardCharsets.UTF_8));
    }

    static TraceParent of(SpanContext context) {
        return new TraceParent("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    SpanContext spanContext() {
        Context extracted = W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(HEADER, value), MAP);
        return Span.fromContext(extracted).getSpanContext();
    }

    /** The trace's id, as logs and tracing back ends show it. */
    public String traceId() {
        return spanContext().getTraceId();
    }
}
