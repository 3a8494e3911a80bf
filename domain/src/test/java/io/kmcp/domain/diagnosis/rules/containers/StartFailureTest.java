package io.kmcp.domain.diagnosis.rules.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What the runtime says when a container cannot start")
class StartFailureTest {

    @Test
    @DisplayName("a missing command, a foreign architecture, a permission, a name still in use; else nothing")
    void advice() {
        assertThat(StartFailure.advice("exec: \"serve\": executable file not found in $PATH"))
                .contains("the command it runs is not in the image: fix command/args or the image");
        assertThat(StartFailure.advice("exec: \"/app/serve\": stat /app/serve: no such file or directory"))
                .contains("the command it runs is not in the image: fix command/args or the image");
        assertThat(StartFailure.advice("exec /app/serve: exec format error"))
                .contains("the image is built for another CPU architecture than the node's");
        assertThat(StartFailure.advice("exec: \"/app/serve\": permission denied"))
                .contains("its user may not run the command or read what it needs: check the image and the"
                        + " securityContext");
        assertThat(StartFailure.advice("the container name \"k8s_app_web\" is already in use by 3f2a"))
                .get()
                .asString()
                .startsWith("the runtime still holds an earlier container of that name");
        assertThat(StartFailure.advice("failed to reserve container name \"app_web\": name is reserved"))
                .get()
                .asString()
                .startsWith("the runtime still holds an earlier container of that name");
        assertThat(StartFailure.advice("context deadline exceeded")).isEmpty();
    }
}
