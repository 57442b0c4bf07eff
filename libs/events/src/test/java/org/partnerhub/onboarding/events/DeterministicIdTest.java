package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerhub.onboarding.events.SampleEvents.AT;
import static org.partnerhub.onboarding.events.SampleEvents.CHANNEL;
import static org.partnerhub.onboarding.events.SampleEvents.CLIENT;
import static org.partnerhub.onboarding.events.SampleEvents.HUB;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancellationRequested;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancelled;
import org.partnerhub.onboarding.events.lifecycle.ChannelCreated;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestored;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestricted;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ChannelTransition;
import org.partnerhub.onboarding.events.lifecycle.ClientCreated;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookFailed;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookSet;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ChannelStage;

class DeterministicIdTest {

    private static final Instant LATER = AT.plusSeconds(90);

    /** Per type: an event, the same fact published again later, and a different fact. */
    static Stream<Arguments> facts() {
        return Stream.concat(Stream.of(
                Arguments.of(
                        new ClientLinked(HUB, CLIENT, "tenant-42", AT, "nonce-1"),
                        new ClientLinked(HUB, CLIENT, "tenant-42", LATER, "nonce-1"),
                        new ClientLinked(HUB, CLIENT, "tenant-42", AT, "nonce-2")),
                Arguments.of(
                        new PermissionGranted(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", AT, "nonce-1", Verification.CONFIRMED),
                        new PermissionGranted(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", LATER, "nonce-1", Verification.CONFIRMED),
                        new PermissionGranted(HUB, CLIENT, "other-CH", "tenant-42", "redirect", AT, "nonce-1", Verification.CONFIRMED)),
                Arguments.of(
                        new PermissionRevoked(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", AT, "nonce-1", Verification.CONFIRMED),
                        new PermissionRevoked(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", LATER, "nonce-1", Verification.CONFIRMED),
                        new PermissionRevoked(HUB, CLIENT, CHANNEL, "tenant-42", "redirect", AT, "nonce-2", Verification.CONFIRMED)),
                Arguments.of(SampleEvents.snapshot(3), SampleEvents.snapshot(3), SampleEvents.snapshot(4)),
                Arguments.of(
                        new ChannelCreated(HUB, CHANNEL, 1, AT, SampleEvents.snapshot(1)),
                        new ChannelCreated(HUB, CHANNEL, 1, LATER, SampleEvents.snapshot(1)),
                        new ChannelCreated("other-hub", CHANNEL, 1, AT, SampleEvents.snapshot(1))),
                Arguments.of(
                        statusChanged(5, AT), statusChanged(5, LATER), statusChanged(6, AT)),
                Arguments.of(
                        new ChannelRunning(HUB, CHANNEL, 5, AT, SampleEvents.snapshot(5)),
                        new ChannelRunning(HUB, CHANNEL, 5, LATER, SampleEvents.snapshot(5)),
                        new ChannelRunning(HUB, CHANNEL, 6, AT, SampleEvents.snapshot(6))),
                Arguments.of(
                        new ChannelPermissionGranted(HUB, CHANNEL, 5, AT, SampleEvents.snapshot(5)),
                        new ChannelPermissionGranted(HUB, CHANNEL, 5, LATER, SampleEvents.snapshot(5)),
                        new ChannelPermissionGranted(HUB, "other-CH", 5, AT, SampleEvents.snapshot(5))),
                Arguments.of(
                        new ChannelPermissionRevoked(HUB, CHANNEL, 5, AT, SampleEvents.snapshot(5)),
                        new ChannelPermissionRevoked(HUB, CHANNEL, 5, LATER, SampleEvents.snapshot(5)),
                        new ChannelPermissionRevoked(HUB, CHANNEL, 6, AT, SampleEvents.snapshot(6))),
                Arguments.of(
                        new ClientCreated(HUB, CLIENT, "tenant-42", "Acme", AT),
                        new ClientCreated(HUB, CLIENT, "tenant-42", "Acme Bakery", LATER),
                        new ClientCreated(HUB, "other-CL", "tenant-42", "Acme", AT)),
                Arguments.of(
                        new ApiKeyProvisioned(HUB, CHANNEL, CLIENT, "201126", "https://a", "1", "claim-1", AT),
                        new ApiKeyProvisioned(HUB, CHANNEL, CLIENT, "201126", "https://a", "1", "claim-1", LATER),
                        new ApiKeyProvisioned(HUB, CHANNEL, CLIENT, "201127", "https://a", "1", "claim-2", AT)),
                Arguments.of(
                        new ApiKeyRevoked(HUB, CHANNEL, "201126", "permission revoked", true, AT),
                        new ApiKeyRevoked(HUB, CHANNEL, "201126", "permission revoked", true, LATER),
                        new ApiKeyRevoked(HUB, CHANNEL, "201127", "permission revoked", true, AT)),
                Arguments.of(
                        new ApiKeyFailed(HUB, CHANNEL, "http 503", false, 1, AT, "claim-1"),
                        new ApiKeyFailed(HUB, CHANNEL, "http 503", false, 1, LATER, "claim-1"),
                        new ApiKeyFailed(HUB, CHANNEL, "http 503", false, 1, AT, "claim-2")),
                Arguments.of(
                        new MessagingWebhookSet(HUB, CHANNEL, "201126", "https://p.example/a", 1, AT),
                        new MessagingWebhookSet(HUB, CHANNEL, "201126", "https://p.example/a", 2, LATER),
                        new MessagingWebhookSet(HUB, CHANNEL, "201127", "https://p.example/a", 1, AT)),
                Arguments.of(
                        new MessagingWebhookFailed(HUB, CHANNEL, "201126", "https://p.example/a", "http 503", false, 1,
                                AT),
                        new MessagingWebhookFailed(HUB, CHANNEL, "201126", "https://p.example/a", "http 503", false, 1,
                                LATER),
                        new MessagingWebhookFailed(HUB, CHANNEL, "201126", "https://p.example/a", "http 503", false, 2,
                                AT)),
                Arguments.of(
                        SampleEvents.webhook("channel_running"),
                        HubWebhooksTest.parse(
                                "{\"id\":\"evt-channel_running\",\"event\":\"channel_running\",\"data\":{}}"),
                        SampleEvents.webhook("channel_live"))),
                stageTransitions());
    }

    /** The transitions of an ending stage and of leaving it, all of one shape. */
    private static Stream<Arguments> stageTransitions() {
        interface Transition {
            ChannelTransition of(long version, Instant at);
        }
        List<Transition> transitions = List.of(
                (version, at) -> new ChannelRestricted(HUB, CHANNEL, version, at, SampleEvents.snapshot(version)),
                (version, at) -> new ChannelRestored(HUB, CHANNEL, version, at, SampleEvents.snapshot(version)),
                (version, at) -> new ChannelCancellationRequested(HUB, CHANNEL, version, at,
                        SampleEvents.snapshot(version)),
                (version, at) -> new ChannelCancelled(HUB, CHANNEL, version, at, SampleEvents.snapshot(version)));
        return transitions.stream().map(transition -> Arguments.of(transition.of(5, AT), transition.of(5, LATER),
                transition.of(6, AT)));
    }

    /** Hub webhooks share one rule, so one of them stands for all. */
    @Test
    void factsCoverEveryPublishedType() {
        assertThat(facts().map(arguments -> ((Event) arguments.get()[0]).type()).toList())
                .containsAll(Arrays.stream(EventType.values())
                        .filter(type -> type.topic() != Topic.HUB_WEBHOOKS)
                        .map(EventType::ceType)
                        .toList());
    }

    @ParameterizedTest
    @MethodSource("facts")
    void theSameFactHasTheSameId(Event event, Event again, Event other) {
        assertThat(again.id()).isEqualTo(event.id());
    }

    @ParameterizedTest
    @MethodSource("facts")
    void aDifferentFactHasADifferentId(Event event, Event again, Event other) {
        assertThat(other.id()).isNotEqualTo(event.id());
    }

    @Test
    void grantAndRevocationInTheSameFlowDiffer() {
        assertThat(new PermissionGranted(HUB, CLIENT, CHANNEL, null, "redirect", AT, "nonce-1", Verification.CONFIRMED).id())
                .isNotEqualTo(new PermissionRevoked(HUB, CLIENT, CHANNEL, null, "redirect", AT, "nonce-1", Verification.CONFIRMED).id());
    }

    @Test
    void transitionsOfTheSameVersionDiffer() {
        assertThat(new ChannelRunning(HUB, CHANNEL, 5, AT, SampleEvents.snapshot(5)).id())
                .isNotEqualTo(statusChanged(5, AT).id());
    }

    @Test
    void idsAreNameBasedUuids() {
        UUID id = UUID.fromString(SampleEvents.snapshot(1).id());

        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void fieldBoundariesArePartOfTheId() {
        assertThat(EventIds.of("t", "ab", "c")).isNotEqualTo(EventIds.of("t", "a", "bc"));
    }

    private static ChannelStatusChanged statusChanged(long version, Instant at) {
        return new ChannelStatusChanged(HUB, CHANNEL, "ready", "running", ChannelStage.READY, ChannelStage.RUNNING,
                version, at, SampleEvents.snapshot(version));
    }
}
