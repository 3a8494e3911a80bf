package io.kmcp.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The version of k-mcp")
class KmcpVersionTest {

    @Test
    @DisplayName("is the Implementation-Version of the jar the package comes from")
    void fromTheJarManifest() {
        Package junit = Test.class.getPackage();
        String written = junit.getImplementationVersion();

        assertThat(written).as("JUnit's jar states its version").isNotBlank();
        assertThat(KmcpVersion.of(junit)).isEqualTo(written);
    }

    @Test
    @DisplayName("is 'dev' when run from classes, which have no manifest")
    void fromClasses() {
        assertThat(KmcpVersion.current()).isEqualTo("dev");
        assertThat(KmcpVersion.of(KmcpVersionTest.class.getPackage())).isEqualTo(KmcpVersion.UNPACKAGED);
        assertThat(KmcpVersion.of(null)).isEqualTo("dev");
    }
}
