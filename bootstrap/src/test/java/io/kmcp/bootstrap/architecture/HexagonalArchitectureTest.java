package io.kmcp.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The hexagon's boundaries hold for the production classes of every module")
class HexagonalArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(HexagonalRules.PRODUCTION_CLASSES)
            .importPackages("io.kmcp");

    @Nested
    @DisplayName("domain")
    class Domain {
        @Test
        @DisplayName("depends on the JDK only")
        void dependsOnTheJdkOnly() {
            HexagonalRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY.check(PRODUCTION);
        }
    }

    @Nested
    @DisplayName("application")
    class Application {
        @Test
        @DisplayName("depends on the domain only")
        void dependsOnTheDomainOnly() {
            HexagonalRules.APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY.check(PRODUCTION);
        }
    }

    @Nested
    @DisplayName("adapters")
    class Adapters {
        @Test
        @DisplayName("the MCP adapter never sees the Kubernetes adapter")
        void mcpAdapterIsolated() {
            HexagonalRules.MCP_ADAPTER_DOES_NOT_SEE_KUBERNETES_ADAPTER.check(PRODUCTION);
        }

        @Test
        @DisplayName("the Kubernetes adapter never sees the MCP adapter")
        void kubernetesAdapterIsolated() {
            HexagonalRules.KUBERNETES_ADAPTER_DOES_NOT_SEE_MCP_ADAPTER.check(PRODUCTION);
        }

        @Test
        @DisplayName("MCP SDK types appear only in the MCP adapter")
        void mcpSdkConfined() {
            HexagonalRules.MCP_SDK_ONLY_IN_MCP_ADAPTER.check(PRODUCTION);
        }

        @Test
        @DisplayName("tools are declared without the MCP SDK, so both protocol lanes serve the same declarations")
        void toolsWithoutSdk() {
            HexagonalRules.TOOLS_DECLARED_WITHOUT_THE_MCP_SDK.check(PRODUCTION);
        }

        @Test
        @DisplayName("fabric8 types appear only in the Kubernetes adapter")
        void fabric8Confined() {
            HexagonalRules.FABRIC8_ONLY_IN_KUBERNETES_ADAPTER.check(PRODUCTION);
        }

        @Test
        @DisplayName("Micrometer and OpenTelemetry appear only in the adapters' observability packages and bootstrap")
        void observabilityConfined() {
            HexagonalRules.METRICS_AND_TRACING_ONLY_IN_OBSERVABILITY_PACKAGES.check(PRODUCTION);
        }

        @Test
        @DisplayName("no class calls fabric8's delete API")
        void noDelete() {
            HexagonalRules.NOTHING_CALLS_THE_FABRIC8_DELETE_API.check(PRODUCTION);
        }
    }

    @Nested
    @DisplayName("wiring")
    class Wiring {
        @Test
        @DisplayName("Spring stereotypes appear only in bootstrap")
        void stereotypesOnlyInBootstrap() {
            HexagonalRules.NO_STEREOTYPES_OUTSIDE_BOOTSTRAP.check(PRODUCTION);
        }

        @Test
        @DisplayName("@Bean factories and @Autowired appear only in bootstrap")
        void beanFactoriesOnlyInBootstrap() {
            HexagonalRules.NO_BEAN_FACTORIES_OUTSIDE_BOOTSTRAP.check(PRODUCTION);
        }
    }
}
