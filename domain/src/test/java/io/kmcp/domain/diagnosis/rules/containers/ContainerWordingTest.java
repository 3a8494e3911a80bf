package io.kmcp.domain.diagnosis.rules.containers;

import static io.kmcp.domain.diagnosis.Fixtures.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import io.kmcp.domain.diagnosis.ContainerState;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("container wording")
class ContainerWordingTest {

    @Test
    @DisplayName("an exit: its code, reason and run time, each when known")
    void exit() {
        assertThat(ContainerWording.exit(terminated(1, "Error", Duration.ofSeconds(2))))
                .isEqualTo("exit code 1 (Error) after ~2s");
        assertThat(ContainerWording.exit(ContainerState.UNKNOWN)).isEqualTo("exit code unknown");
    }
}
