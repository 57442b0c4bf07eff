package org.partnerhub.onboarding.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.partnerhub.onboarding.events.apikey.ApiKeyFailed;
import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.hub.HubWebhook;
import org.partnerhub.onboarding.events.hub.UnknownHubWebhook;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancellationRequested;
import org.partnerhub.onboarding.events.lifecycle.ChannelCancelled;
import org.partnerhub.onboarding.events.lifecycle.ChannelCreated;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestored;
import org.partnerhub.onboarding.events.lifecycle.ChannelRestricted;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.lifecycle.ClientCreated;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookFailed;
import org.partnerhub.onboarding.events.messagingwebhook.MessagingWebhookSet;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;

/** Every CloudEvents type of the published language, its topic, its record and its JSON Schema. */
public enum EventType {

    CLIENT_LINKED("onboarding.client.linked.v1", Topic.ONBOARDING_PERMISSIONS, ClientLinked.class),
    PERMISSION_GRANTED("onboarding.permission.granted.v1", Topic.ONBOARDING_PERMISSIONS, PermissionGranted.class),
    PERMISSION_REVOKED("onboarding.permission.revoked.v1", Topic.ONBOARDING_PERMISSIONS, PermissionRevoked.class),

    HUB_CLIENT_CREATED(hub("client_created"), HubWebhook.ClientCreated.class),
    HUB_CHANNEL_CREATED(hub("channel_created"), HubWebhook.ChannelCreated.class),
    HUB_CHANNEL_SUBMITTED(hub("channel_submitted"), HubWebhook.ChannelSubmitted.class),
    HUB_CHANNEL_READY(hub("channel_ready"), HubWebhook.ChannelReady.class),
    HUB_CHANNEL_RUNNING(hub("channel_running"), HubWebhook.ChannelRunning.class),
    HUB_CHANNEL_LIVE(hub("channel_live"), HubWebhook.ChannelLive.class),
    HUB_CHANNEL_PERMISSION_GRANTED(hub("channel_permission_granted"), HubWebhook.ChannelPermissionGranted.class),
    HUB_ACCOUNT_VIOLATION(hub("account_violation"), HubWebhook.AccountViolation.class),
    HUB_ACCOUNT_RESTRICTION(hub("account_restriction"), HubWebhook.AccountRestriction.class),
    HUB_CANCELLATION_REQUEST(hub("cancellation_request"), HubWebhook.CancellationRequest.class),
    HUB_CANCELLATION_REVOKE(hub("cancellation_revoke"), HubWebhook.CancellationRevoke.class),
    HUB_CANCELLATION_PROCESSED(hub("cancellation_processed"), HubWebhook.CancellationProcessed.class),
    HUB_TEMPLATE_MESSAGING_ENABLED(hub("template_messaging_enabled"), HubWebhook.TemplateMessagingEnabled.class),
    HUB_TEMPLATE_MESSAGING_DISABLED(hub("template_messaging_disabled"), HubWebhook.TemplateMessagingDisabled.class),
    /**
     * Any 360dialog event this library does not know yet. On the wire it keeps its own type,
     * {@code com.360dialog.partner.<event>}; this catalogue entry only names its (lenient) schema.
     */
    HUB_UNKNOWN(hub("webhook.v1"), UnknownHubWebhook.class),

    CHANNEL_STATE("onboarding.channel.state.v1", Topic.CHANNEL_STATE, ChannelSnapshot.class),

    CHANNEL_CREATED("onboarding.channel.created.v1", Topic.CHANNEL_EVENTS, ChannelCreated.class),
    CHANNEL_STATUS_CHANGED("onboarding.channel.status-changed.v1", Topic.CHANNEL_EVENTS, ChannelStatusChanged.class),
    CHANNEL_RUNNING("onboarding.channel.running.v1", Topic.CHANNEL_EVENTS, ChannelRunning.class),
    CHANNEL_PERMISSION_GRANTED(
            "onboarding.channel.permission-granted.v1", Topic.CHANNEL_EVENTS, ChannelPermissionGranted.class),
    CHANNEL_PERMISSION_REVOKED(
            "onboarding.channel.permission-revoked.v1", Topic.CHANNEL_EVENTS, ChannelPermissionRevoked.class),
    CHANNEL_CANCELLATION_REQUESTED("onboarding.channel.cancellation-requested.v1", Topic.CHANNEL_EVENTS,
            ChannelCancellationRequested.class),
    CHANNEL_CANCELLED("onboarding.channel.cancelled.v1", Topic.CHANNEL_EVENTS, ChannelCancelled.class),
    CHANNEL_RESTRICTED("onboarding.channel.restricted.v1", Topic.CHANNEL_EVENTS, ChannelRestricted.class),
    CHANNEL_RESTORED("onboarding.channel.restored.v1", Topic.CHANNEL_EVENTS, ChannelRestored.class),
    CLIENT_CREATED("onboarding.client.created.v1", Topic.CHANNEL_EVENTS, ClientCreated.class),

    API_KEY_PROVISIONED("onboarding.api-key.provisioned.v1", Topic.CHANNEL_API_KEYS, ApiKeyProvisioned.class),
    API_KEY_REVOKED("onboarding.api-key.revoked.v1", Topic.CHANNEL_API_KEYS, ApiKeyRevoked.class),
    API_KEY_FAILED("onboarding.api-key.failed.v1", Topic.CHANNEL_API_KEYS, ApiKeyFailed.class),

    MESSAGING_WEBHOOK_SET(
            "onboarding.messaging-webhook.set.v1", Topic.CHANNEL_API_KEYS, MessagingWebhookSet.class),
    MESSAGING_WEBHOOK_FAILED(
            "onboarding.messaging-webhook.failed.v1", Topic.CHANNEL_API_KEYS, MessagingWebhookFailed.class);

    private static final Map<String, EventType> BY_CE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    private final String ceType;
    private final Topic topic;
    private final Class<? extends Event> eventClass;

    EventType(String ceType, Topic topic, Class<? extends Event> eventClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.eventClass = eventClass;
    }

    EventType(String ceType, Class<? extends HubWebhook> eventClass) {
        this(ceType, Topic.HUB_WEBHOOKS, eventClass);
    }

    public String ceType() {
        return ceType;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends Event> eventClass() {
        return eventClass;
    }

    /** The classpath resource of the type's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + ceType + ".json";
    }

    /** Any {@code com.360dialog.partner.*} type not listed here is a webhook passed through: {@link #HUB_UNKNOWN}. */
    public static EventType of(String ceType) {
        EventType type = BY_CE_TYPE.get(ceType);
        if (type != null) {
            return type;
        }
        if (ceType != null && ceType.startsWith(HubWebhook.TYPE_PREFIX)) {
            return HUB_UNKNOWN;
        }
        throw new UnknownEventTypeException(ceType);
    }

    private static String hub(String event) {
        return HubWebhook.TYPE_PREFIX + event;
    }
}
