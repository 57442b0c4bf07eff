package org.partnerhub.onboarding.state.store;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.state.fold.HistoryEntry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The query API's reads of {@code channel_history}; callers open the session ({@code @WithSession}). */
@ApplicationScoped
public class ChannelHistoryRepository implements PanacheRepositoryBase<StoredTransition, Long> {

    /** Every entry of the channel, oldest first. */
    public Uni<List<HistoryEntry>> of(String channelId) {
        return list("channelId", Sort.by("id"), channelId)
                .map(entries -> entries.stream().map(StoredTransition::toEntry).toList());
    }
}
