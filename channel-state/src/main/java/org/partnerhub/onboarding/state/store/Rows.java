package org.partnerhub.onboarding.state.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.state.fold.ClientState;
import org.partnerhub.onboarding.state.fold.Fact;
import org.partnerhub.onboarding.state.fold.Origin;
import org.partnerhub.onboarding.state.fold.TenantBinding;
import org.partnerhub.onboarding.state.fold.TenantSource;

import io.vertx.mutiny.sqlclient.Row;

/**
 * Maps projection rows of the SQL client to domain records; enums are stored in lower case, as they are published.
 */
public final class Rows {

    private Rows() {
    }

    public static ClientState client(Row row) {
        return new ClientState(
                row.getString("client_id"),
                row.getString("hub_id"),
                tenantBinding(row.getString("tenant"), row.getString("tenant_source"),
                        instant(row.getOffsetDateTime("tenant_at")), row.getString("tenant_event_id")),
                row.getString("name"),
                instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("updated_at")));
    }

    /** A stored reconcile observation: a Partner API read by the reconciler. */
    public static Fact.StatusObserved observation(Row row) {
        return new Fact.StatusObserved(
                row.getString("event_id"),
                row.getString("hub_id"),
                row.getString("channel_id"),
                row.getString("client_id"),
                row.getString("status"),
                row.getString("account_mode"),
                row.getString("phone_number"),
                row.getString("partner_payload"),
                instant(row.getOffsetDateTime("status_at")),
                Origin.RECONCILER,
                instant(row.getOffsetDateTime("occurred_at")));
    }

    public static Fact.PermissionChanged permissionFact(Row row) {
        return new Fact.PermissionChanged(
                row.getString("event_id"),
                row.getString("hub_id"),
                row.getString("channel_id"),
                row.getString("client_id"),
                row.getString("tenant"),
                row.getBoolean("granted"),
                Origin.of(row.getString("source")),
                Verification.valueOf(row.getString("verification").toUpperCase(Locale.ROOT)),
                instant(row.getOffsetDateTime("occurred_at")));
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static TenantBinding tenantBinding(String tenant, String source, Instant at, String eventId) {
        return tenant == null ? null : new TenantBinding(tenant,
                source == null ? TenantSource.PAYLOAD : TenantSource.valueOf(source.toUpperCase(Locale.ROOT)), at,
                eventId);
    }

    static Instant bindingAt(TenantBinding binding) {
        return binding == null ? null : binding.at();
    }

    static String bindingEventId(TenantBinding binding) {
        return binding == null ? null : binding.eventId();
    }

    /** A stage as stored ({@link ChannelStage#value()}); a value this build does not know is {@code UNKNOWN}. */
    static ChannelStage stage(String value) {
        return Arrays.stream(ChannelStage.values()).filter(stage -> stage.value().equals(value)).findFirst()
                .orElse(ChannelStage.UNKNOWN);
    }

    static PermissionState permission(String value) {
        return PermissionState.valueOf(value.toUpperCase(Locale.ROOT));
    }

    static ApiKeyState apiKey(String value) {
        return ApiKeyState.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
