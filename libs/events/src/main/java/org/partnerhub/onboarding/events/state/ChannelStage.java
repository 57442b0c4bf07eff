package org.partnerhub.onboarding.events.state;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The lifecycle stage the projection maps 360dialog's free-form channel {@code status} onto. */
public enum ChannelStage {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("ready")
    READY,
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("live")
    LIVE,
    @JsonProperty("restricted")
    RESTRICTED,
    /** The client asked for the channel's cancellation (the Client Hub's "pending deletion"); it can be revoked. */
    @JsonProperty("cancellation-requested")
    CANCELLATION_REQUESTED,
    @JsonProperty("cancelled")
    CANCELLED,
    /** Also what an older consumer reads for a stage added after it was built. */
    @JsonEnumDefaultValue
    @JsonProperty("unknown")
    UNKNOWN;

    /** The stage as published (the JSON value above) and as stored and filtered on: {@code cancellation-requested}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
