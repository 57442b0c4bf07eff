package org.partnerhub.onboarding.outbox;

/**
 * The outbox table every service using this library has in its database. Services create it in their own Flyway
 * migrations (a shared migration could not take its place in each service's version sequence): with this statement
 * from a Java migration, or with the same columns in SQL, as channel-state's first migration does.
 */
public final class OutboxSchema {

    /** {@code seq} is the order of sending; the relay reads the rest back only to send it as it was written. */
    public static final String CREATE_TABLE = """
            create table outbox (
                seq        bigserial primary key,
                topic      text  not null,
                record_key text,
                -- JSON object of header name to value; read back only by the relay, so never parsed by the database.
                headers    text  not null,
                value      bytea not null
            )""";

    private OutboxSchema() {
    }
}
