package org.partnerhub.onboarding.runtime.tracing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The service's tracer. Every unit of work that continues an onboarding (a webhook or redirect answered, a fold, a
 * key claim worked on) is a span whose parent came with its input as a {@link TraceParent}, and whose own context goes
 * with its output: Kafka headers, outbox rows, claim rows. So one onboarding is one trace across the services, and
 * across replicas, since the context travels with the data and never in a process's memory.
 *
 * <p>Spans are created whether or not they are exported: their ids are what the logs carry. They leave the process
 * only through an OTLP endpoint ({@code onboarding.telemetry.otlp.endpoint}), never by default.
 */
@Singleton
public class Tracing {

    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
    /** Short enough that a trace is whole in the back end soon after the onboarding, long enough to batch. */
    private static final Duration EXPORT_DELAY = Duration.ofSeconds(1);

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    @Inject
    Tracing(TracingConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        this(service, config.samplerRatio(), otlp(config.otlp()).stream().toList());
    }

    /** A tracer whose finished spans go to {@code processors} (tests pass an in-memory exporter's). */
    public Tracing(String service, double samplerRatio, List<SpanProcessor> processors) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(samplerRatio)));
        new ArrayList<>(processors).forEach(builder::addSpanProcessor);
        this.provider = builder.build();
        this.tracer = provider.get("org.partnerhub.onboarding");
    }

    private static Optional<SpanProcessor> otlp(TracingConfig.Otlp config) {
        return config.endpoint().map(endpoint -> {
            OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint);
            config.headers().forEach(exporter::addHeader);
            return BatchSpanProcessor.builder(exporter.build()).setScheduleDelay(EXPORT_DELAY).build();
        });
    }

    /**
     * Starts a span continuing {@code parent}'s trace, or a new trace without one.
     *
     * @param name what the work is, the same for every instance of it (ids go in attributes)
     */
    public TracedSpan start(String name, SpanKind kind, Optional<TraceParent> parent) {
        Context context = parent.map(p -> Context.root().with(Span.wrap(p.spanContext()))).orElse(Context.root());
        return new TracedSpan(tracer.spanBuilder(name).setSpanKind(kind).setParent(context).startSpan());
    }

    /** A child of {@code parent}, e.g. a call to 360dialog within a key claim's attempt. */
    public TracedSpan child(TracedSpan parent, String name, SpanKind kind) {
        return start(name, kind, Optional.of(parent.traceParent()));
    }

    @PreDestroy
    void close() {
        // Exports what is still batched, bounded: a collector that is down must not hold up the shutdown.
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }
}
