package org.partnerhub.onboarding.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.partnerhub.onboarding.runtime.kafka.AcknowledgedProducer;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the committed outbox to Kafka in the order it was written and deletes each record once Kafka acknowledged
 * it. A crash in between sends it again on the next run, with the same {@code ce_id}: consumers de-duplicate, and
 * nothing is ever lost or invented. Blocking: run it on a thread of its own, never on an event loop.
 *
 * <p>Safe with any number of replicas: each page is read, sent and deleted in one transaction that holds the
 * outbox's PostgreSQL advisory lock ({@code pg_try_advisory_xact_lock}). A relay that does not get the lock does
 * nothing, so only one relay sends at a time, and it always starts from the oldest record left. PostgreSQL releases
 * the lock with the transaction, also when the relay's connection or process dies, so a crashed relay never blocks
 * the others.
 *
 * <p>Order per key: the records of one key are written by transactions that a lock or a single consumer puts one
 * after the other (the writer's duty), so they get increasing sequence numbers and are committed in that order. The
 * relay sends in sequence order, and the idempotent producer keeps the order of one partition, retries included.
 * After a failure only the acknowledged prefix of the page is deleted; the rest is sent again, in order.
 */
public final class OutboxDrain {

    /** The advisory lock key of the relay: any number no other code in the service's database uses. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private final Pool pool;
    private final AcknowledgedProducer producer;
    private final int pageSize;

    public OutboxDrain(Pool pool, AcknowledgedProducer producer, int pageSize) {
        this.pool = pool;
        this.producer = producer;
        this.pageSize = pageSize;
    }

    /**
     * Sends everything committed so far, unless another relay holds the lock.
     *
     * @param published told the number of records of each page Kafka acknowledged, once they are deleted
     * @return how many records this run sent
     * @throws RuntimeException when Kafka ({@link OutboxRelayException}) or the database failed; what was not
     *         acknowledged stays for a later run
     */
    public int drain(IntConsumer published) {
        int sent = 0;
        while (true) {
            Page page = drainPage();
            if (page.acknowledged() > 0) {
                published.accept(page.acknowledged());
                sent += page.acknowledged();
            }
            if (page.failure() != null) {
                throw page.failure();
            }
            if (page.acknowledged() == 0) {
                return sent;
            }
        }
    }

    /** What one page came to: its acknowledged prefix, deleted, and why the rest was not, if it was not. */
    private record Page(int acknowledged, OutboxRelayException failure) {
    }

    private Page drainPage() {
        SqlConnection connection = pool.getConnection().await().indefinitely();
        try {
            Transaction transaction = connection.begin().await().indefinitely();
            try {
                Page page = drainPage(connection);
                // Also after a failure: the acknowledged prefix must not be sent again.
                transaction.commit().await().indefinitely();
                return page;
            } catch (RuntimeException e) {
                transaction.rollback().await().indefinitely();
                throw e;
            }
        } finally {
            connection.close().await().indefinitely();
        }
    }

    private Page drainPage(SqlConnection connection) {
        boolean mine = connection.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").execute()
                .await().indefinitely().iterator().next().getBoolean(0);
        if (!mine) {
            return new Page(0, null);
        }
        RowSet<Row> rows = connection.preparedQuery("select seq, topic, record_key, headers, value from outbox "
                + "order by seq limit $1").execute(Tuple.of(pageSize)).await().indefinitely();
        List<Long> seqs = new ArrayList<>(rows.size());
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!acks.isEmpty() && acks.getLast().isCompletedExceptionally()) {
                // Kafka is failing already (no metadata within the deadline): each further send would wait as long.
                break;
            }
            seqs.add(row.getLong("seq"));
            acks.add(producer.send(new OutboxRecord(row.getString("topic"), row.getString("record_key"),
                    OutboxRecord.headersFromJson(row.getString("headers")), row.getBuffer("value").getBytes())
                    .toProducerRecord()));
        }
        int acknowledged = 0;
        OutboxRelayException failure = null;
        for (CompletableFuture<RecordMetadata> ack : acks) {
            try {
                ack.get();
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new OutboxRelayException("interrupted while waiting for Kafka", e);
                break;
            } catch (ExecutionException e) {
                failure = new OutboxRelayException(
                        "Kafka did not take an outbox record: " + e.getCause().getMessage(), e.getCause());
                break;
            }
        }
        if (acknowledged > 0) {
            connection.preparedQuery("delete from outbox where seq = any($1)")
                    .execute(Tuple.of(seqs.subList(0, acknowledged).toArray(Long[]::new))).await().indefinitely();
        }
        return new Page(acknowledged, failure);
    }
}
