package cn.etdz.evaluation.readmodel;

import cn.etdz.common.tracing.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Starts the span of processing one consumed record as a child of the span that stored the event (the record's
 * {@code traceparent} header), so the read-model update and the recomputation it triggers join the trace of the
 * request that submitted the data.
 */
@ApplicationScoped
public class ConsumerSpans {

    @Inject
    Tracer tracer;

    /** A started consumer span named {@code <topic> process}, with the messaging attributes; the caller ends it. */
    public Span start(ConsumerRecord<String, byte[]> record) {
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.fromHeaders(record.headers()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
