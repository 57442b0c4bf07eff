package org.partnerhub.onboarding.keys.webhook;

import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.hubapi.HubApiException;
import org.partnerhub.onboarding.hubapi.MessagingApi;
import org.partnerhub.onboarding.keys.OnContext;
import org.partnerhub.onboarding.keys.crypto.KeyCipher;
import org.partnerhub.onboarding.keys.domain.AttemptFailure;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate;
import org.partnerhub.onboarding.keys.domain.MessagingWebhookTemplate.Rendering;
import org.partnerhub.onboarding.keys.store.MessagingWebhooks;
import org.partnerhub.onboarding.keys.store.WebhookLease;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sets the messaging webhook of each newly stored key: {@code POST {address}/v1/configs/webhook} with the key, the
 * URL from its hub's template. The schedule lives in {@code messaging_webhook} ({@link MessagingWebhooks}, which also
 * says what makes it safe across replicas), so a restart resumes it; due work is taken one row at a time, each
 * leased just before its call.
 */
@ApplicationScoped
public class MessagingWebhookWorker {

    private static final Logger LOG = Logger.getLogger(MessagingWebhookWorker.class);
    /** Calls per run at most, so that one run does not hold the scheduler for long; the next run goes on. */
    private static final int PER_RUN = 50;

    @Inject
    MessagingWebhooks webhooks;

    @Inject
    MessagingWebhookTemplates templates;

    @Inject
    MessagingApi messagingApi;

    @Inject
    KeyCipher cipher;

    @Scheduled(every = "${onboarding.keys.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> runDue() {
        return next(PER_RUN)
                .onFailure().invoke(failure -> LOG.warnf("Setting messaging webhooks failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> next(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return webhooks.leaseNext().chain(lease -> lease.isEmpty()
                ? Uni.createFrom().voidItem()
                : attempt(lease.get()).chain(() -> next(left - 1)));
    }

    private Uni<Void> attempt(WebhookLease lease) {
        Executor onContext = OnContext.current();
        Optional<MessagingWebhookTemplate> template = templates.of(lease.hubId());
        if (template.isEmpty()) {
            return webhooks.recordFailure(lease, null, new AttemptFailure.Permanent("hub " + lease.hubId()
                    + " has no messaging-webhook-url any more"));
        }
        return switch (template.get().render(lease.channelId(), lease.clientId(), lease.tenant())) {
            // The tenant may come with a later channel.state snapshot: retried like a transient failure.
            case Rendering.Missing missing -> webhooks.recordFailure(lease, null, new AttemptFailure.Transient(
                    "the channel's " + missing.placeholder().token() + " is not known yet", Optional.empty()));
            case Rendering.Url url -> messagingApi.setWebhook(lease.address(),
                            cipher.decrypt(lease.sealedKey(), lease.associatedData()), url.url())
                    .emitOn(onContext)
                    .chain(() -> webhooks.recordSet(lease, url.url()))
                    .onFailure(HubApiException.class).recoverWithUni(failure -> webhooks.recordFailure(lease,
                            url.url(), AttemptFailure.of((HubApiException) failure, false)));
        };
    }
}
