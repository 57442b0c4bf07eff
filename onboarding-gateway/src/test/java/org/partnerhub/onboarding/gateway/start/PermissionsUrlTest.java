package org.partnerhub.onboarding.gateway.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PermissionsUrlTest {

    private static final URI HUB_UI = URI.create("https://hub.360dialog.com");
    private static final Prefill NOTHING = new Prefill(null, null, null, null, null, false);

    @Test
    void pointsAtThePartnersPermissionPage() {
        URI url = PermissionsUrl.of(HUB_UI, "pAbC123", "https://gw.example.com/onboarding/redirect", "p.s", NOTHING, null);

        assertThat(url.toString()).isEqualTo("https://hub.360dialog.com/dashboard/app/pAbC123/permissions"
                + "?redirect_url=https%3A%2F%2Fgw.example.com%2Fonboarding%2Fredirect&state=p.s");
    }

    @Test
    void encodesEveryValue() {
        Prefill prefill = new Prefill("a+b@example.com", "Zoë & Co/ 100%", "+49 151 1234", "tenant=7&x", "premium",
                true);

        URI url = PermissionsUrl.of(HUB_UI, "pAbC123", "https://gw.example.com/r?hub=main&x=1", "p.s", prefill, null);

        assertThat(url.getRawQuery()).isEqualTo(
                "redirect_url=https%3A%2F%2Fgw.example.com%2Fr%3Fhub%3Dmain%26x%3D1&state=p.s"
                        + "&email=a%2Bb%40example.com&name=Zo%C3%AB%20%26%20Co%2F%20100%25"
                        + "&number=%2B49%20151%201234&partner=tenant%3D7%26x&plan_selection=premium&next=login");
        assertThat(url.getQuery()).contains("name=Zoë & Co/ 100%", "partner=tenant=7&x");
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        URI url = PermissionsUrl.of(URI.create("https://sandbox.test/"), "p1", null, "p.s",
                new Prefill(null, null, null, "tenant-9", null, false), null);

        assertThat(url.toString()).isEqualTo("https://sandbox.test/dashboard/app/p1/permissions?state=p.s&partner=tenant-9");
    }
}
