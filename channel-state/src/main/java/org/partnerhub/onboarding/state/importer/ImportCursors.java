package org.partnerhub.onboarding.state.importer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Where an import stands per hub and listing ({@code import_cursor}). */
@Singleton
public class ImportCursors {

    /**
     * @param nextOffset the offset of the next page to read
     * @param total how many items the listing held when last read
     * @param finished whether the listing was read to its end
     */
    public record Cursor(int nextOffset, int total, boolean finished) {

        static final Cursor START = new Cursor(0, 0, false);
    }

    @Inject
    Pool pool;

    public Cursor find(String hubId, ImportKind kind) {
        RowSet<Row> rows = pool.preparedQuery("select next_offset, total, finished_at from import_cursor"
                + " where hub_id = $1 and kind = $2").execute(Tuple.of(hubId, kind.wire())).await().indefinitely();
        return Optional.ofNullable(rows.iterator().hasNext() ? rows.iterator().next() : null)
                .map(row -> new Cursor(row.getInteger("next_offset"), row.getInteger("total"),
                        row.getValue("finished_at") != null))
                .orElse(Cursor.START);
    }

    /** Written only after the page's fold committed, so the cursor never runs ahead of the projection. */
    public void advance(String hubId, ImportKind kind, Cursor cursor, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        pool.preparedQuery("""
                insert into import_cursor (hub_id, kind, next_offset, total, finished_at, updated_at)
                values ($1, $2, $3, $4, $5, $6)
                on conflict (hub_id, kind) do update set next_offset = excluded.next_offset, total = excluded.total,
                    finished_at = excluded.finished_at, updated_at = excluded.updated_at
                """).execute(Tuple.tuple().addString(hubId).addString(kind.wire()).addInteger(cursor.nextOffset())
                .addInteger(cursor.total()).addOffsetDateTime(cursor.finished() ? at : null).addOffsetDateTime(at))
                .await().indefinitely();
    }
}
