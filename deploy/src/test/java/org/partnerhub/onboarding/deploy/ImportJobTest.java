package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** channelState.import.enabled: `channel-state import` as a Job of channel-state's image, configuration and secrets. */
class ImportJobTest {

    @Test
    void offByDefault() {
        assertThat(Chart.render(Chart.values("minimal")).all(Job.class)).isEmpty();
    }

    @Test
    void theJobRunsTheImportWithChannelStatesImageConfigurationAndSecretsUnderTheImportProfile() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));
        Container service = rendered.named(Deployment.class, ChartPolicyTest.name("channel-state")).getSpec()
                .getTemplate().getSpec().getContainers().getFirst();

        Job job = rendered.named(Job.class, ChartPolicyTest.name("channel-state-import") + "-1");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        Container importer = pod.getContainers().getFirst();

        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(importer.getImage()).isEqualTo(service.getImage());
        assertThat(importer.getArgs()).containsExactly("import", "main");
        assertThat(importer.getEnvFrom()).isEqualTo(service.getEnvFrom());
        assertThat(importer.getEnv()).contains(new EnvVar("QUARKUS_PROFILE", "prod,import", null));
        assertThat(importer.getEnv()).as("the same secrets").containsAll(service.getEnv());
        assertThat(importer.getSecurityContext()).isEqualTo(service.getSecurityContext());
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(86400);
        assertThat(rendered.named(ConfigMap.class, ChartPolicyTest.name("channel-state")).getData())
                .containsEntry("ONBOARDING_IMPORT_CALLS_PER_MINUTE", "30");
    }

    @Test
    void theServiceNeverRoutesToTheJobAndTheJobHasChannelStatesEgressAndNoIngress() {
        Chart.Rendered rendered = Chart.render(Chart.values("all-features"));
        Map<String, String> jobLabels = rendered.named(Job.class, ChartPolicyTest.name("channel-state-import") + "-1")
                .getSpec().getTemplate().getMetadata().getLabels();
        Map<String, String> selector = rendered.named(Service.class, ChartPolicyTest.name("channel-state")).getSpec()
                .getSelector();

        assertThat(jobLabels.entrySet().containsAll(selector.entrySet()))
                .as("the Service's selector %s matches the Job's pod %s", selector, jobLabels).isFalse();

        NetworkPolicy jobPolicy = rendered.named(NetworkPolicy.class, ChartPolicyTest.name("channel-state-import"));
        NetworkPolicy servicePolicy = rendered.named(NetworkPolicy.class, ChartPolicyTest.name("channel-state"));
        assertThat(jobPolicy.getSpec().getPodSelector().getMatchLabels().entrySet()).isSubsetOf(jobLabels.entrySet());
        assertThat(jobPolicy.getSpec().getIngress()).isEmpty();
        assertThat(jobPolicy.getSpec().getEgress()).isEqualTo(servicePolicy.getSpec().getEgress());
        assertThat(jobPolicy.getSpec().getPolicyTypes()).isEqualTo(List.of("Ingress", "Egress"));
    }
}
