package org.partnerhub.onboarding.state.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.hubs.PaymentMode;
import org.partnerhub.onboarding.state.fold.ChannelFold;

public class FoldConfiguration {

    /** A hub nobody configured grants nothing by default: Direct Payment is the safe assumption. */
    @Produces
    @ApplicationScoped
    ChannelFold channelFold(HubsConfig hubs) {
        return new ChannelFold(hubId -> hubs.hub(hubId).map(HubsConfig.Hub::paymentMode).orElse(PaymentMode.DIRECT));
    }
}
