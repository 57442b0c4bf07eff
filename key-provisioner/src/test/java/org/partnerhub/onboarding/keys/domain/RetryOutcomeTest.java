package org.partnerhub.onboarding.keys.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RetryOutcomeTest {

    @Test
    void aChannelWithoutClaimsHasNothingToRetry() {
        assertThat(RetryOutcome.notRetried(List.of())).isEqualTo(new RetryOutcome.NoClaim());
    }

    @Test
    void theCurrentPermissionsClaimIsNamedRatherThanARevokedOne() {
        assertThat(RetryOutcome.notRetried(List.of(ClaimStatus.REVOKED, ClaimStatus.PROVISIONED, ClaimStatus.REVOKED)))
                .isEqualTo(new RetryOutcome.Refused(ClaimStatus.PROVISIONED));
    }

    @Test
    void aChannelWithOnlyRevokedClaimsIsRefusedAsRevoked() {
        assertThat(RetryOutcome.notRetried(List.of(ClaimStatus.REVOKED, ClaimStatus.REVOKED)))
                .isEqualTo(new RetryOutcome.Refused(ClaimStatus.REVOKED));
    }

    @Test
    void everyRefusalNamesTheStatusAndWhy() {
        assertThat(new RetryOutcome.Refused(ClaimStatus.PROVISIONED).reason())
                .isEqualTo("the claim is PROVISIONED: the key is already provisioned");
        assertThat(new RetryOutcome.Refused(ClaimStatus.PENDING).reason())
                .isEqualTo("the claim is PENDING: an attempt is in progress or due");
        assertThat(new RetryOutcome.Refused(ClaimStatus.CALLING).reason())
                .isEqualTo("the claim is CALLING: an attempt is in progress or due");
        assertThat(new RetryOutcome.Refused(ClaimStatus.REVOKED).reason())
                .startsWith("the claim is REVOKED: the key was withdrawn");
        assertThat(new RetryOutcome.Refused(ClaimStatus.FAILED).reason()).startsWith("the claim is FAILED: ");
    }
}
