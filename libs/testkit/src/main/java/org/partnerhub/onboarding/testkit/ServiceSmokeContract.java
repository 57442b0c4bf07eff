package org.partnerhub.onboarding.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises an operator, whatever it does: liveness, a readiness that covers its Kafka
 * (and database), Prometheus metrics tagged with its name, and the topics it writes. A service's
 * {@code @QuarkusTest} extends this with its own name, readiness checks and topics.
 */
public abstract class ServiceSmokeContract {

    private final String application;
    private final List<String> readinessChecks;
    private final List<String> topicsWritten;

    protected ServiceSmokeContract(String application, List<String> readinessChecks, List<String> topicsWritten) {
        this.application = application;
        this.readinessChecks = readinessChecks;
        this.topicsWritten = topicsWritten;
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void readinessCoversItsInfrastructure() {
        var response = given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        readinessChecks.forEach(check -> response.body("checks.name", hasItem(containsString(check))));
    }

    @Test
    void servesPrometheusMetricsTaggedWithItsName() {
        given().accept("text/plain").when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("application=\"" + application + "\""));
    }

    @Test
    void createdTheTopicsItWritesAtStartUp() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            assertThat(admin.listTopics().names().get()).containsAll(topicsWritten);
        }
    }
}
