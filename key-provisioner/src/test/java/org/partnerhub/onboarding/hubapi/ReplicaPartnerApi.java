package org.partnerhub.onboarding.hubapi;

import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A second replica's Partner API in the same JVM: the same configuration, its own clients and concurrency limit. */
public final class ReplicaPartnerApi {

    private ReplicaPartnerApi() {
    }

    public static PartnerApi of(HubsConfig hubs, HubApiConfig config, ObjectMapper mapper) {
        PartnerApi api = new PartnerApi();
        api.hubs = hubs;
        api.config = config;
        api.mapper = mapper;
        return api;
    }
}
