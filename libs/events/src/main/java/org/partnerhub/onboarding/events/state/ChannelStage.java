package org.partnerhub.onboarding.events.state;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
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
    @JsonProperty("cancelled")
    CANCELLED,
    /** Also what an older consumer reads for a stage added after it was built. */
    @JsonEnumDefaultValue
    @JsonProperty("unknown")
    UNKNOWN
}
