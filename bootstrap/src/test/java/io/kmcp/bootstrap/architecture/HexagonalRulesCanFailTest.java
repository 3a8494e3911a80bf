package io.kmcp.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.kmcp.adapters.kubernetes.archfixture.KubernetesAdapterDeleting;
import io.kmcp.adapters.kubernetes.archfixture.KubernetesAdapterSpeakingMcp;
import io.kmcp.adapters.mcp.archfixture.McpAdapterReachingIntoKubernetesAdapter;
import io.kmcp.adapters.mcp.archfixture.WiringOutsideBootstrap;
import io.kmcp.adapters.mcp.tool.archfixture.ToolCountingWithMicrometer;
import io.kmcp.adapters.mcp.tool.archfixture.ToolSpeakingTheSdk;
import io.kmcp.application.archfixture.ApplicationUsingFabric8;
import io.kmcp.domain.archfixture.DomainUsingSpring;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A rule that cannot fail guards nothing: each one is shown rejecting a deliberately broken class. */
@DisplayName("Each architecture rule rejects a class that breaks it")
class HexagonalRulesCanFailTest {

    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importClasses(
                    DomainUsingSpring.class,
                    ApplicationUsingFabric8.class,
                    McpAdapterReachingIntoKubernetesAdapter.class,
                    WiringOutsideBootstrap.class,
                    KubernetesAdapterSpeakingMcp.class,
                    KubernetesAdapterDeleting.class,
                    ToolSpeakingTheSdk.class,
                    ToolCountingWithMicrometer.class);

    @Test
    @DisplayName("a domain class using Spring breaks 'domain depends on the JDK only'")
    void domainRule() {
        assertViolation(
                HexagonalRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
                "DomainUsingSpring",
                "org.springframework.util.StringUtils");
    }

    @Test
    @DisplayName("an application class using a fabric8 Pod breaks 'application depends on the domain only'")
    void applicationRule() {
        assertViolation(
                HexagonalRules.APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY,
                "ApplicationUsingFabric8",
                "io.fabric8.kubernetes.api.model.Pod");
    }

    @Test
    @DisplayName("the MCP adapter reaching into the Kubernetes adapter is caught")
    void mcpAdapterRule() {
        assertViolation(
                HexagonalRules.MCP_ADAPTER_DOES_NOT_SEE_KUBERNETES_ADAPTER,
                "McpAdapterReachingIntoKubernetesAdapter",
                "KubernetesAdapterSpeakingMcp");
    }

    @Test
    @DisplayName("the Kubernetes adapter reaching into the MCP adapter is caught")
    void kubernetesAdapterRule() {
        assertViolation(
                HexagonalRules.KUBERNETES_ADAPTER_DOES_NOT_SEE_MCP_ADAPTER,
                "KubernetesAdapterSpeakingMcp",
                "McpAdapterReachingIntoKubernetesAdapter");
    }

    @Test
    @DisplayName("McpSchema outside the MCP adapter is caught")
    void mcpSdkRule() {
        assertViolation(
                HexagonalRules.MCP_SDK_ONLY_IN_MCP_ADAPTER, "KubernetesAdapterSpeakingMcp", "McpSchema$TextContent");
    }

    @Test
    @DisplayName("fabric8 outside the Kubernetes adapter is caught")
    void fabric8Rule() {
        assertViolation(
                HexagonalRules.FABRIC8_ONLY_IN_KUBERNETES_ADAPTER,
                "ApplicationUsingFabric8",
                "io.fabric8.kubernetes.api.model.Pod");
    }

    @Test
    @DisplayName("a call to fabric8's delete() is caught")
    void deleteRule() {
        assertViolation(HexagonalRules.NOTHING_CALLS_THE_FABRIC8_DELETE_API, "KubernetesAdapterDeleting", "delete()");
    }

    @Test
    @DisplayName("a @Configuration class outside bootstrap is caught")
    void stereotypeRule() {
        assertViolation(HexagonalRules.NO_STEREOTYPES_OUTSIDE_BOOTSTRAP, "WiringOutsideBootstrap", "@Configuration");
    }

    @Test
    @DisplayName("a @Bean method outside bootstrap is caught")
    void beanRule() {
        assertViolation(HexagonalRules.NO_BEAN_FACTORIES_OUTSIDE_BOOTSTRAP, "hiddenBean()", "@Bean");
    }

    @Test
    @DisplayName("a tool that builds an SDK result itself breaks 'tools declared without the MCP SDK'")
    void toolRule() {
        assertViolation(
                HexagonalRules.TOOLS_DECLARED_WITHOUT_THE_MCP_SDK,
                "ToolSpeakingTheSdk",
                "io.modelcontextprotocol.spec.McpSchema$CallToolResult");
    }

    @Test
    @DisplayName("a tool counting with Micrometer breaks 'metrics and tracing only in observability packages'")
    void observabilityRule() {
        assertViolation(
                HexagonalRules.METRICS_AND_TRACING_ONLY_IN_OBSERVABILITY_PACKAGES,
                "ToolCountingWithMicrometer",
                "io.micrometer.core.instrument.Metrics");
    }

    private static void assertViolation(ArchRule rule, String offender, String detail) {
        EvaluationResult result = rule.evaluate(BROKEN);
        assertThat(result.hasViolation())
                .as("rule %s must reject %s", rule.getDescription(), offender)
                .isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(offender).contains(detail));
    }
}
