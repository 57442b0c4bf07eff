package org.partnerhub.onboarding.state.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.hubapi.PermanentHubApiException;
import org.partnerhub.onboarding.hubapi.TransientHubApiException;
import org.partnerhub.onboarding.state.ingest.BatchApplier;
import org.partnerhub.onboarding.state.ingest.IncomingRecord;
import org.partnerhub.onboarding.state.reconcile.CallBudget;
import org.partnerhub.onboarding.state.reconcile.ObservedChannelSource;

import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * {@code channel-state import}: for a partner that already has clients and numbers at 360dialog when it installs
 * this, pages through each hub's clients and then channels at the Partner API and folds every page as observations,
 * through the reconciler's path ({@link BatchApplier}, {@link ImportFacts}): the projection, history and outbox
 * behave as for any Partner API read.
 *
 * <p>After each page's fold commits, the page's end is stored as the hub's cursor ({@link ImportCursors}); a stopped
 * import goes on from there, and a finished listing is not read again. A crash between a fold and its cursor reads
 * that page again, whose facts carry the same ids, so the fold applies them once.
 *
 * <p>Safe while the service runs on any number of replicas: every fold takes its channels' and clients' advisory locks
 * like a replica's, and the import itself holds the session-level advisory lock {@link ImportLock}, so two imports
 * never run at once and the calls stay within one budget per hub ({@link CallBudget},
 * {@code onboarding.import.calls-per-minute}; a 429 waits its {@code Retry-After}).
 */
@Singleton
public class FirstInstallImport {

    private static final Duration BUDGET_TICK = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofMinutes(1);
    private static final String RESUME = "; once that is fixed, run the import again: it goes on from this page";

    /** How the import waits; tests pass one that moves their clock instead. */
    @FunctionalInterface
    public interface Pause {

        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportFailed("interrupted while waiting", e);
            }
        };

        void pause(Duration duration);
    }

    /** Why an import stopped, said for the operator; running it again goes on from the last committed page. */
    public static final class ImportFailed extends RuntimeException {

        ImportFailed(String message) {
            super(message);
        }

        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What one listing of one hub came to: {@code read} items by this run, {@code total} in all. */
    public record Listed(String hubId, ImportKind kind, int pages, int read, int total, boolean alreadyDone) {
    }

    @Inject
    ImportConfig config;

    @Inject
    PartnerApiListing listing;

    @Inject
    ImportCursors cursors;

    @Inject
    BatchApplier applier;

    @Inject
    ImportedClients importedClients;

    @Inject
    ImportLock lock;

    @Inject
    ObservedChannelSource source;

    /**
     * Imports the hubs named, or every hub with Partner API credentials when none is; blocks until done.
     *
     * @param out where progress lines go (the terminal)
     * @throws ImportFailed when a hub cannot be read, another import runs, or a page fails {@code max-attempts}
     *     times
     */
    public List<Listed> run(Collection<String> hubIds, Clock clock, Pause pause, Consumer<String> out) {
        Set<String> hubs = hubs(hubIds);
        SqlConnection held = lock.tryTake().orElseThrow(() -> new ImportFailed(
                "another import is running (it holds the advisory lock channel-state/first-install-import)"));
        try {
            CallBudget budget = new CallBudget(config.callsPerMinute(), "onboarding.import.calls-per-minute");
            List<Listed> listed = new ArrayList<>();
            for (String hubId : hubs) {
                for (ImportKind kind : ImportKind.values()) {
                    listed.add(listing(hubId, kind, budget, clock, pause, out));
                }
            }
            return listed;
        } finally {
            held.close().await().indefinitely();
        }
    }

    private Set<String> hubs(Collection<String> hubIds) {
        Set<String> answering = source.answeringHubs();
        if (hubIds.isEmpty()) {
            if (answering.isEmpty()) {
                throw new ImportFailed("no hub has Partner API credentials (onboarding.hubs.<id>.api-key, or"
                        + " .username and .password): nothing to import from");
            }
            return answering;
        }
        Set<String> unknown = new TreeSet<>(hubIds);
        unknown.removeAll(answering);
        if (!unknown.isEmpty()) {
            throw new ImportFailed("hub(s) " + String.join(", ", unknown) + " not configured or without Partner API"
                    + " credentials; hubs that can be imported: " + String.join(", ", answering));
        }
        return new TreeSet<>(hubIds);
    }

    private Listed listing(String hubId, ImportKind kind, CallBudget budget, Clock clock, Pause pause,
            Consumer<String> out) {
        ImportCursors.Cursor cursor = cursors.find(hubId, kind);
        if (cursor.finished()) {
            out.accept(String.format("hub %s, %s: imported already (%d); nothing to do", hubId, kind.wire(),
                    cursor.nextOffset()));
            return new Listed(hubId, kind, 0, 0, cursor.total(), true);
        }
        if (cursor.nextOffset() > 0) {
            out.accept(String.format("hub %s, %s: going on from offset %d", hubId, kind.wire(), cursor.nextOffset()));
        }
        Instant started = clock.instant();
        int offset = cursor.nextOffset();
        int pages = 0;
        int read = 0;
        while (true) {
            ListedPage page = read(hubId, kind, offset, budget, clock, pause, out);
            applier.apply(List.of(new IncomingRecord.Facts(page.facts()))).await().indefinitely();
            importedClients.keep(page.facts());
            boolean last = page.last(offset);
            offset += page.items();
            cursor = new ImportCursors.Cursor(offset, page.total(), last);
            cursors.advance(hubId, kind, cursor, clock.instant());
            pages++;
            read += page.items();
            out.accept(new ImportProgress(hubId, kind, pages, offset, page.total(), read,
                    Duration.between(started, clock.instant())).line());
            if (last) {
                return new Listed(hubId, kind, pages, read, page.total(), false);
            }
        }
    }

    /** One page, within the hub's budget, through transient failures up to {@code max-attempts} tries. */
    private ListedPage read(String hubId, ImportKind kind, int offset, CallBudget budget, Clock clock, Pause pause,
            Consumer<String> out) {
        Duration delay = config.retryDelay();
        for (int attempt = 1;; attempt++) {
            while (!budget.take(hubId, clock.instant())) {
                pause.pause(BUDGET_TICK);
            }
            try {
                return listing.page(hubId, kind, offset, config.pageSize(), clock.instant());
            } catch (PermanentHubApiException refused) {
                throw new ImportFailed(String.format("hub %s: 360dialog refused to list %s at offset %d: %s%s", hubId,
                        kind.wire(), offset, refused.getMessage(), RESUME), refused);
            } catch (RuntimeException unavailable) {
                // 5xx, 429, a timeout or a broken connection: worth another try.
                if (attempt >= config.maxAttempts()) {
                    throw new ImportFailed(String.format("hub %s: listing %s at offset %d failed %d times, the last"
                            + " with: %s%s", hubId, kind.wire(), offset, attempt, unavailable.getMessage(), RESUME),
                            unavailable);
                }
                Duration wait = unavailable instanceof TransientHubApiException transientFailure
                        ? transientFailure.retryAfter().orElse(delay)
                        : delay;
                out.accept(String.format("hub %s, %s: %s; trying again in %s", hubId, kind.wire(),
                        unavailable.getMessage(), ImportProgress.human(wait)));
                pause.pause(wait);
                delay = min(delay.multipliedBy(2), LONGEST_RETRY_DELAY);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
