package org.partnerhub.onboarding.hubapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters, page and order of a channel or client listing. Filter keys are 360dialog's ({@code id},
 * {@code client_id}, {@code status}, {@code account_mode}, {@code setup_info.phone_number}, ...); they are sent as
 * one JSON object in {@code filters}. Immutable: each method returns a new query.
 *
 * <pre>{@code ListQuery.all().where("status", "running").page(100, 0).sortedBy("-modified_at")}</pre>
 */
public record ListQuery(Map<String, String> filters, Optional<Integer> limit, Optional<Integer> offset,
        Optional<String> sort) {

    public ListQuery {
        filters = Map.copyOf(filters);
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(sort, "sort");
    }

    public static ListQuery all() {
        return new ListQuery(Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ListQuery where(String field, String value) {
        Map<String, String> more = new LinkedHashMap<>(filters);
        more.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
        return new ListQuery(more, limit, offset, sort);
    }

    public ListQuery page(int limit, int offset) {
        if (limit <= 0 || offset < 0) {
            throw new IllegalArgumentException("limit must be positive and offset not negative: " + limit + ", "
                    + offset);
        }
        return new ListQuery(filters, Optional.of(limit), Optional.of(offset), sort);
    }

    /** 360dialog's sort expression, e.g. {@code -created_at} for newest first. */
    public ListQuery sortedBy(String sort) {
        return new ListQuery(filters, limit, offset, Optional.of(sort));
    }
}
