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
    private final List<Fact.PermissionChanged> permissionFacts = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    /** A fact that wanted to change a channel or client it has no say over. */
    public record Conflict(Kind kind, String hubId) {

        public enum Kind {
            /** It carried another tenant than the one the client or channel is bound to. */
            TENANT,
            /** It named another client than the one 360dialog reports the channel under. */
            CLIENT
        }
    }

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

    void permissionFact(Fact.PermissionChanged fact) {
        permissionFacts.add(fact);
    }

    void conflict(Conflict.Kind kind, String hubId) {
        conflicts.add(new Conflict(kind, hubId));
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

    /** Permission facts to keep with their channels, whatever they did. */
    public List<Fact.PermissionChanged> permissionFacts() {
        return permissionFacts;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Snapshots for {@code channel.state} and transitions for {@code channel.events}, in the order they happened. */
    public List<Event> published() {
        return published;
    }
}
