package org.partnerhub.onboarding.state.ingest;

import java.util.Optional;
import java.util.Set;

import org.partnerhub.onboarding.state.store.StaleLocks;

import io.vertx.pgclient.PgException;

/** What a failed batch transaction means: the data was rejected, try again, or the database is not there. */
public final class DatabaseVerdict {

    /**
     * SQLSTATE classes that blame the data, not the database: 22 data exception (a value out of range, an invalid
     * encoding), 23 integrity constraint violation, 54 program limit exceeded (a value too large for an index).
     */
    private static final Set<String> REJECTING_CLASSES = Set.of("22", "23", "54");

    /** 40001 serialization failure, 40P01 deadlock detected: nothing is wrong with the batch. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01");

    private DatabaseVerdict() {
    }

    /** The database's reason when it rejected what a record carries; empty for any other failure. */
    public static Optional<String> rejection(Throwable failure) {
        if (failure instanceof PgException pg && pg.getSqlState() != null
                && REJECTING_CLASSES.contains(pg.getSqlState().substring(0, 2))) {
            return Optional.of("rejected by the database: " + pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState()
                    + ")");
        }
        return Optional.empty();
    }

    /** Whether the same transaction may well succeed when tried again at once. */
    public static boolean retryable(Throwable failure) {
        return failure instanceof StaleLocks
                || failure instanceof PgException pg && TRANSIENT_STATES.contains(pg.getSqlState());
    }
}
