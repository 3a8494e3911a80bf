package io.kmcp.domain.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Kubernetes version priority")
class KubernetesVersionsTest {

    private static final List<String> IN_PRIORITY_ORDER = List.of(
            "v10",
            "v2",
            "v1",
            "v11beta2",
            "v10beta3",
            "v3beta1",
            "v1beta2",
            "v1beta1",
            "v12alpha1",
            "v11alpha2",
            "v1alpha1",
            "foo1",
            "foo10",
            "v1gamma1");

    @Test
    @DisplayName("orders GA before beta before alpha, higher major then higher minor first, others last")
    void ordersAsKubernetesDoes() {
        List<String> shuffled = new ArrayList<>(IN_PRIORITY_ORDER);
        Collections.reverse(shuffled);

        shuffled.sort(KubernetesVersions.HIGHEST_PRIORITY_FIRST);

        assertThat(shuffled).isEqualTo(IN_PRIORITY_ORDER);
    }

    @ParameterizedTest
    @CsvSource({"v2,v1", "v1,v1beta1", "v1beta2,v1beta1", "v1beta1,v1alpha1", "v2alpha1,v1alpha1", "v1alpha2,v1alpha1"})
    @DisplayName("puts the preferred version first")
    void prefers(String higher, String lower) {
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(higher, lower))
                .isNegative();
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare(lower, higher))
                .isPositive();
    }

    @Test
    @DisplayName("compares numbers by value, even beyond the range of long")
    void comparesHugeNumbers() {
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare("v99999999999999999999", "v9"))
                .isNegative();
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare("v1beta99999999999999999999", "v1beta9"))
                .isNegative();
    }

    @Test
    @DisplayName("an equal version compares equal")
    void equalVersions() {
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare("v1beta1", "v1beta1"))
                .isZero();
        assertThat(KubernetesVersions.HIGHEST_PRIORITY_FIRST.compare("foo", "foo"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v1beta1", "v2alpha3", "v10beta10"})
    @DisplayName("recognises Kubernetes versions")
    void recognisesVersions(String version) {
        assertThat(KubernetesVersions.isKubernetesVersion(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v", "1", "apps", "v1beta", "v1gamma1", "V1", "v1.2", "beta1"})
    @DisplayName("does not take other strings for versions")
    void rejectsOthers(String text) {
        assertThat(KubernetesVersions.isKubernetesVersion(text)).isFalse();
        assertThat(KubernetesVersions.isKubernetesVersion(null)).isFalse();
    }
}
