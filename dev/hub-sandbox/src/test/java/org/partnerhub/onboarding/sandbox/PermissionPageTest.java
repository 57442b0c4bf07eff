package org.partnerhub.onboarding.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PermissionPageTest {

    @BeforeEach
    void reset() {
        Sandbox.reset();
    }

    @Test
    void anUnknownPartnerGetsANotFoundPage() {
        given().queryParam("redirect_url", Sandbox.REDIRECT)
                .when().get("/dashboard/app/nobody/permissions")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("There is no partner nobody"));
    }

    @Test
    void withoutAnyRedirectUrlTheClientSeesAnError() {
        given().when().get("/dashboard/app/pp1/permissions")
                .then().statusCode(400).body(containsString("no valid redirect URL"));
    }

    @Test
    void theLinksParametersPrefillTheSignUpForm() {
        given().queryParam("redirect_url", Sandbox.REDIRECT).queryParam("state", "s-1")
                .queryParam("email", "owner@acme.example").queryParam("name", "Acme <Bakery>")
                .queryParam("number", "+49 151 2345678").queryParam("partner", "tenant-42")
                .when().get("/dashboard/app/pp1/permissions")
                .then().statusCode(200)
                .body(containsString("Create your 360dialog account"))
                .body(containsString("name=\"email\" type=\"email\" value=\"owner@acme.example\""))
                .body(containsString("value=\"Acme &lt;Bakery&gt;\""))
                .body(containsString("value=\"+49 151 2345678\""))
                .body(containsString("name=\"partner\" value=\"tenant-42\""))
                .body(containsString("name=\"state\" value=\"s-1\""));
    }

    @Test
    void nextLoginShowsTheLoginScreen() {
        given().queryParam("redirect_url", Sandbox.REDIRECT).queryParam("next", "login")
                .when().get("/dashboard/app/pp1/permissions")
                .then().statusCode(200).body(containsString("Log in to 360dialog"))
                .body(not(containsString("Company name")));
    }

    @Test
    void aPartnerPaymentClientSignsUpPermitsItsNumbersAndIsSentBack() {
        String first = Sandbox.newNumber();
        String second = Sandbox.newNumber();
        String visit = Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "state with spaces&more", "tenant-42",
                first, second);

        String page = Sandbox.page(visit);
        assertThat(page).contains("Which numbers may the partner use?").doesNotContain("Your plan");
        String firstChannel = Sandbox.channelOf(first);
        String secondChannel = Sandbox.channelOf(second);
        assertThat(page).contains("value=\"" + firstChannel + "\" checked", "value=\"" + secondChannel + "\" checked");

        Sandbox.Redirect redirect = Sandbox.choose(visit, List.of(firstChannel, secondChannel), List.of());

        assertThat(redirect.base()).isEqualTo(Sandbox.REDIRECT);
        assertThat(redirect.client()).matches("[A-Za-z0-9]{8}CL");
        assertThat(redirect.channels()).containsExactly(firstChannel, secondChannel)
                .allMatch(id -> id.matches("[A-Za-z0-9]{6}CH"));
        assertThat(redirect.revoked()).isEmpty();
        assertThat(redirect.state()).isEqualTo("state with spaces&more");
        given().when().get("/sandbox/clients").then().statusCode(200)
                .body("find { it.id == '" + redirect.client() + "' }.partner_payload",
                        org.hamcrest.Matchers.equalTo("tenant-42"));
    }

    @Test
    void theRedirectKeepsTheBracketsLiteral() {
        String number = Sandbox.newNumber();
        String visit = Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);
        String location = given().redirects().follow(false).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("permit", Sandbox.channelOf(number))
                .when().post(visit + "/permissions").then().statusCode(303).extract().header("Location");

        assertThat(location).contains("&channels=[" + Sandbox.channelOf(number) + "]&revoked=[]&state=s");
    }

    @Test
    void aDirectPaymentClientSeesThePricesFirstAndRevokesOnASecondVisit() {
        String email = Sandbox.newEmail();
        String first = Sandbox.newNumber();
        String second = Sandbox.newNumber();
        String visit = Sandbox.signUp(Sandbox.DP, email, "flow-1", "tenant-7", first, second);

        assertThat(Sandbox.page(visit)).contains("Your plan", "EUR 49");
        assertThat(Sandbox.channelOf(first)).as("no channel before the price is accepted").isNull();

        String numbers = Sandbox.pay(visit);
        String firstChannel = Sandbox.channelOf(first);
        String secondChannel = Sandbox.channelOf(second);
        Sandbox.Redirect signUp = Sandbox.choose(numbers, List.of(firstChannel), List.of());

        assertThat(signUp.channels()).containsExactly(firstChannel);
        assertThat(signUp.revoked()).isEmpty();
        assertThat(signUp.state()).isEqualTo("flow-1");
        assertPermitted(firstChannel, true);
        assertPermitted(secondChannel, false);

        String third = Sandbox.newNumber();
        String again = Sandbox.pay(Sandbox.login(Sandbox.DP, email, "flow-2", third));
        String thirdChannel = Sandbox.channelOf(third);
        assertThat(Sandbox.page(again)).contains("name=\"revoke\" value=\"" + firstChannel + "\"",
                "name=\"permit\" value=\"" + thirdChannel + "\" checked");

        Sandbox.Redirect secondVisit = Sandbox.choose(again, List.of(thirdChannel, secondChannel),
                List.of(firstChannel));

        assertThat(secondVisit.client()).isEqualTo(signUp.client());
        assertThat(secondVisit.channels()).containsExactlyInAnyOrder(secondChannel, thirdChannel);
        assertThat(secondVisit.revoked()).containsExactly(firstChannel);
        assertThat(secondVisit.state()).isEqualTo("flow-2");
        assertPermitted(firstChannel, false);
    }

    @Test
    void numbersThatAreNoNumbersAreRefusedOnThePage() {
        given().contentType(io.restassured.http.ContentType.URLENC).formParam("name", "Acme")
                .formParam("email", Sandbox.newEmail()).formParam("numbers", "4915123456789, call me")
                .formParam("redirect_url", Sandbox.REDIRECT)
                .when().post("/dashboard/app/pp1/permissions/signup")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("&quot;call me&quot; is not a phone number"));
    }

    @Test
    void aLoginWithAnUnknownEmailIsRefused() {
        given().contentType(io.restassured.http.ContentType.URLENC).formParam("email", "nobody@client.example")
                .formParam("redirect_url", Sandbox.REDIRECT)
                .when().post("/dashboard/app/pp1/permissions/login")
                .then().statusCode(404).body(containsString("no account"));
    }

    @Test
    void aVisitEndsWithItsRedirect() {
        String number = Sandbox.newNumber();
        String visit = Sandbox.signUp(Sandbox.PP, Sandbox.newEmail(), "s", "t", number);
        Sandbox.choose(visit, List.of(Sandbox.channelOf(number)), List.of());

        given().when().get(visit).then().statusCode(404).body(containsString("expired"));
    }

    private static void assertPermitted(String channelId, boolean permitted) {
        given().when().get("/sandbox/channels").then().statusCode(200)
                .body("find { it.id == '" + channelId + "' }.permitted", org.hamcrest.Matchers.is(permitted));
    }
}
