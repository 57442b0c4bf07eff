package org.partnerhub.onboarding.state.importer;

import java.util.List;

import org.partnerhub.onboarding.state.fold.Fact;

/**
 * One page of a Partner API listing, as the facts it gives.
 *
 * @param items how many items the page held
 * @param total how many the listing holds overall, as 360dialog reported with this page
 */
public record ListedPage(List<Fact> facts, int items, int total) {

    public ListedPage {
        facts = List.copyOf(facts);
    }

    /** Whether the listing ends with this page, read at {@code offset}. */
    public boolean last(int offset) {
        return items == 0 || offset + items >= total;
    }
}
