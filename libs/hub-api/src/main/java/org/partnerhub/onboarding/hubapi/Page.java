package org.partnerhub.onboarding.hubapi;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param total how many match the filters overall; ask again with {@code offset + items.size()} for more
 */
public record Page<T>(List<T> items, int total, int limit, int offset) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
