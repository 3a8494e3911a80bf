package io.kmcp.bootstrap.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of the hexagon, as rules. Each one is checked against the production classes of
 * every module ({@link HexagonalArchitectureTest}) and shown able to fail on a deliberately broken
 * class ({@link HexagonalRulesCanFailTest}).
 */
final class HexagonalRules {

    static final String DOMAIN = "io.kmcp.domain..";
    static final String APPLICATION = "io.kmcp.application..";
    static final String MCP_ADAPTER = "io.kmcp.adapters.mcp..";
    static final String KUBERNETES_ADAPTER = "io.kmcp.adapters.kubernetes..";
    static final String BOOTSTRAP = "io.kmcp.bootstrap..";

    private HexagonalRules() {}

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is reusable on its own (manifest audits, CI checks) and must not drag a"
                    + " framework along");

    static final ArchRule APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases enforce the policy through ports and must not know Spring, fabric8 or MCP");

    static final ArchRule MCP_ADAPTER_DOES_NOT_SEE_KUBERNETES_ADAPTER = noClasses()
            .that()
            .resideInAPackage(MCP_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(KUBERNETES_ADAPTER)
            .because("adapters meet only through the application's ports");

    static final ArchRule KUBERNETES_ADAPTER_DOES_NOT_SEE_MCP_ADAPTER = noClasses()
            .that()
            .resideInAPackage(KUBERNETES_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(MCP_ADAPTER)
            .because("adapters meet only through the application's ports");

    static final ArchRule MCP_SDK_ONLY_IN_MCP_ADAPTER = noClasses()
            .that()
            .resideOutsideOfPackage(MCP_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.modelcontextprotocol..")
            .because("the protocol is a detail of the inbound adapter; McpSchema types must not leak into"
                    + " the core or the wiring");

    static final ArchRule TOOLS_DECLARED_WITHOUT_THE_MCP_SDK = noClasses()
            .that()
            .resideInAPackage("io.kmcp.adapters.mcp.tool..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.modelcontextprotocol..")
            .because("a tool is declared once and served by both protocol lanes; only a lane knows its SDK,"
                    + " so a new protocol revision touches a lane, never a tool");

    static final ArchRule FABRIC8_ONLY_IN_KUBERNETES_ADAPTER = noClasses()
            .that()
            .resideOutsideOfPackage(KUBERNETES_ADAPTER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fabric8..")
            .because("the Kubernetes client is a detail of the outbound adapter; fabric8 types must not leak"
                    + " into ports or the wiring");

    static final ArchRule METRICS_AND_TRACING_ONLY_IN_OBSERVABILITY_PACKAGES = noClasses()
            .that()
            .resideInAPackage("io.kmcp..")
            .and()
            .resideOutsideOfPackages("io.kmcp..observability..", BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micrometer..", "io.opentelemetry..")
            .because("tools, lanes, authentication and clients report to observers of their own; only an"
                    + " observability package knows the metrics and tracing libraries, and decides the labels");

    static final ArchRule NO_STEREOTYPES_OUTSIDE_BOOTSTRAP = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .beAnnotatedWith("org.springframework.context.annotation.Configuration")
            .orShould()
            .beAnnotatedWith("org.springframework.stereotype.Component")
            .orShould()
            .beAnnotatedWith("org.springframework.stereotype.Service")
            .orShould()
            .beAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
            .because("wiring lives only in bootstrap, where these rules can see it; adapters are plain"
                    + " classes built by explicit @Bean factories");

    static final ArchRule NO_BEAN_FACTORIES_OUTSIDE_BOOTSTRAP = noMethods()
            .that()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .beAnnotatedWith("org.springframework.context.annotation.Bean")
            .orShould()
            .beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
            .because("wiring lives only in bootstrap");

    static final ArchRule NOTHING_CALLS_THE_FABRIC8_DELETE_API = noClasses()
            .that()
            .resideInAPackage("io.kmcp..")
            .should()
            .callMethodWhere(describe(
                    "a fabric8 delete operation",
                    (JavaCall<?> call) ->
                            call.getTarget().getOwner().getPackageName().startsWith("io.fabric8")
                                    && call.getTarget().getName().toLowerCase().startsWith("delete")))
            .because("k-mcp never deletes: no DELETE or deletecollection request may leave the process");

    /**
     * Production classes only: test classes of a module, and the test-jar that carries the test bed,
     * are not part of the product the rules guard.
     */
    static final ImportOption PRODUCTION_CLASSES = new ImportOption() {
        private final ImportOption doNotIncludeTests = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return doNotIncludeTests.includes(location) && !location.contains("-tests.jar");
        }
    };
}
