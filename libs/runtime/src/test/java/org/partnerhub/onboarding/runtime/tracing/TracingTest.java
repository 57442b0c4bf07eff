package org.partnerhub.onboarding.runtime.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class TracingTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final Tracing ingest = new Tracing("webhook-ingest", 1.0, List.of(SimpleSpanProcessor.create(exported)));
    private final Tracing state = new Tracing("channel-state", 1.0, List.of(SimpleSpanProcessor.create(exported)));

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aContextHandedOnThroughKafkaHeadersContinuesTheTraceInTheNextService() {
        TracedSpan webhook = ingest.start("webhook", SpanKind.SERVER, Optional.empty());
        RecordHeaders headers = new RecordHeaders();
        webhook.traceParent().addTo(headers);
        webhook.end();

        TracedSpan fold = state.start("fold", SpanKind.CONSUMER, TraceParent.from(headers));
        fold.end();

        SpanData first = span("webhook");
        SpanData second = span("fold");
        assertThat(second.getTraceId()).isEqualTo(first.getTraceId());
        assertThat(second.getParentSpanId()).isEqualTo(first.getSpanId());
        assertThat(second.getResource().getAttributes().asMap().values()).contains("channel-state");
        assertThat(first.getResource().getAttributes().asMap().values()).contains("webhook-ingest");
    }

    @Test
    void aContextStoredAsTextInARowIsTheSameContextWhenReadBack() {
        TracedSpan claim = state.start("claim", SpanKind.CONSUMER, Optional.empty());
        String stored = claim.traceParent().value();

        TracedSpan attempt = state.start("attempt", SpanKind.INTERNAL, TraceParent.parse(stored));
        attempt.end();
        claim.end();

        assertThat(span("attempt").getParentSpanId()).isEqualTo(span("claim").getSpanId());
        assertThat(TraceParent.parse(stored).orElseThrow().traceId()).isEqualTo(span("claim").getTraceId());
    }

    @Test
    void aMalformedOrMissingContextStartsANewTraceInsteadOfFailing() {
        assertThat(TraceParent.parse("00-not-a-trace-01")).isEmpty();
        assertThat(TraceParent.from(Map.of("traceparent", "garbage"))).isEmpty();
        assertThat(TraceParent.from(new RecordHeaders())).isEmpty();

        state.start("orphan", SpanKind.CONSUMER, TraceParent.parse("garbage")).end();

        assertThat(span("orphan").getParentSpanContext().isValid()).isFalse();
        assertThat(span("orphan").getTraceId()).hasSize(32).isNotEqualTo("0".repeat(32));
    }

    @Test
    void logLinesWrittenWhileASpanIsActiveCarryItsIdsAndTheOuterOnesComeBackAfterwards() {
        TracedSpan outer = ingest.start("outer", SpanKind.SERVER, Optional.empty());
        TracedSpan inner = ingest.child(outer, "inner", SpanKind.CLIENT);
        try (TracedSpan.Activation ignored = outer.activate()) {
            try (TracedSpan.Activation alsoIgnored = inner.activate()) {
                assertThat(MDC.get(TracedSpan.SPAN_ID)).isEqualTo(spanId(inner));
            }
            assertThat(MDC.get(TracedSpan.SPAN_ID)).isEqualTo(spanId(outer));
            assertThat(MDC.get(TracedSpan.TRACE_ID)).isEqualTo(outer.traceParent().traceId());
        }
        assertThat(MDC.get(TracedSpan.TRACE_ID)).isNull();
    }

    @Test
    void aTraceSampledOutWhereItStartedStaysOutDownstreamAndOneSampledInStaysIn() {
        Tracing never = new Tracing("webhook-ingest", 0.0, List.of(SimpleSpanProcessor.create(exported)));
        TracedSpan dropped = never.start("dropped", SpanKind.SERVER, Optional.empty());
        dropped.end();
        state.start("after-dropped", SpanKind.CONSUMER, Optional.of(dropped.traceParent())).end();

        TracedSpan kept = ingest.start("kept", SpanKind.SERVER, Optional.empty());
        kept.end();
        never.start("after-kept", SpanKind.CONSUMER, Optional.of(kept.traceParent())).end();

        assertThat(exported.getFinishedSpanItems()).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("kept", "after-kept");
    }

    @Test
    void aFailedSpanSaysOnlyTheKindOfFailure() {
        state.start("call", SpanKind.CLIENT, Optional.empty())
                .fail(new IllegalStateException("token abc123 refused"));

        assertThat(span("call").getStatus().getDescription()).isEqualTo("IllegalStateException");
        assertThat(span("call").getEvents()).isEmpty();
    }

    private SpanData span(String name) {
        return exported.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
    }

    private static String spanId(TracedSpan span) {
        return span.traceParent().value().split("-")[2];
    }
}
