package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionPolarityTest {

    @ParameterizedTest(name = "{0}={1} troubled: {2}")
    @CsvSource({
        "Ready, True, false",
        "Ready, False, true",
        "Ready, Unknown, true",
        "Available, False, true",
        "ResolvedRefs, False, true",
        "MemoryPressure, True, true",
        "MemoryPressure, False, false",
        "DiskPressure, Unknown, true",
        "NetworkUnavailable, True, true",
        "ReplicaFailure, True, true",
        "Stalled, True, true",
        "Stalled, False, false",
        "NamespaceDeletionContentFailure, True, true",
        "SnapshotFailed, True, true",
        "Progressing, False, true",
        "Progressing, True, false",
        "Progressing, Unknown, false",
        "ScalingLimited, True, false",
        "Suspended, True, false",
        "Reconciling, True, false",
        "ScalingActive, False, true",
    })
    void polarity(String type, String status, boolean troubled) {
        assertThat(new Condition(
                                type,
                                status,
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty())
                        .troubled())
                .isEqualTo(troubled);
    }
}
