package org.partnerhub.onboarding.state.fold;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.partnerhub.onboarding.events.Event;

/** What folding a batch produced: rows to write, history to append and events to publish, in order. */
public final class FoldOutput {

    private final Set<String> changedChannels = new LinkedHashSet<>();
    private final Set<String> changedClients = new LinkedHashSet<>();
    private final List<String> appliedIds = new ArrayList<>();
    private final List<HistoryEntry> history = new ArrayList<>();
    private final List<Event> published = new ArrayList<>();

    void channelChanged(String channelId) {
        changedChannels.add(channelId);
    }

    void clientChanged(String clientId) {
        changedClients.add(clientId);
    }

    void applied(String eventId) {
        appliedIds.add(eventId);
    }

    void history(HistoryEntry entry) {
        history.add(entry);
    }

    void publish(Event event) {
        published.add(event);
    }

    public Set<String> changedChannels() {
        return changedChannels;
    }

    public Set<String> changedClients() {
        return changedClients;
    }

    public List<String> appliedIds() {
        return appliedIds;
    }

    public List<HistoryEntry> history() {
        return history;
    }

    /** Snapshots for {@code channel.state} and transitions for {@code channel.events}, in the order they happened. */
    public List<Event> published() {
        return published;
    }
}
