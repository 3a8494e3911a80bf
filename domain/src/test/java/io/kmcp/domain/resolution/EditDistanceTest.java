package io.kmcp.domain.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Edit distance")
class EditDistanceTest {

    @ParameterizedTest
    @CsvSource({
        "'',abc,3",
        "abc,'',3",
        "'','',0",
        "abc,abc,0",
        "kitten,sitting,3",
        "flaw,lawn,2",
        "deploymnets,deployments,2",
        "pods,pod,1",
        "svc,svcs,1",
    })
    @DisplayName("counts insertions, deletions and substitutions")
    void counts(String left, String right, int distance) {
        assertThat(EditDistance.between(left, right)).isEqualTo(distance);
        assertThat(EditDistance.between(right, left)).isEqualTo(distance);
    }
}
