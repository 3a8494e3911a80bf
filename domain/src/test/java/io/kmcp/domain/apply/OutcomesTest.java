package io.kmcp.domain.apply;

import static io.kmcp.domain.fixtures.ManifestFixture.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plans and outcomes as a person reads them")
class OutcomesTest {

    private final Manifest web = Manifest.from(2, document("apps/v1", "Deployment", "shop", "web"));

    @Test
    @DisplayName("a planned change says what would happen")
    void plannedChanges() {
        assertThat(new PlannedChange.Create().describe()).isEqualTo("will be created");
        assertThat(new PlannedChange.Unchanged().describe()).isEqualTo("is unchanged");
        assertThat(new PlannedChange.Change(List.of("spec.replicas", "metadata.labels.app"), 0).describe())
                .isEqualTo("will change spec.replicas, metadata.labels.app");
        assertThat(new PlannedChange.Change(List.of("spec.replicas"), 3).describe())
                .isEqualTo("will change spec.replicas and 3 more fields");
        assertThat(new PlannedChange.CannotPreview("namespace shop is created by document 1").describe())
                .isEqualTo("cannot be previewed: namespace shop is created by document 1");
    }

    @Test
    @DisplayName("a change names at least one field and never a negative rest")
    void changeInvariants() {
        assertThatThrownBy(() -> new PlannedChange.Change(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlannedChange.Change(List.of("a"), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlannedChange.CannotPreview(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("an outcome says what happened and whether the object is as written")
    void outcomes() {
        assertThat(new ApplyOutcome.Created().describe()).isEqualTo("created");
        assertThat(new ApplyOutcome.Configured(List.of()).describe()).isEqualTo("configured");
        assertThat(new ApplyOutcome.Configured(List.of("spec.replicas", "spec.paused")).describe())
                .isEqualTo("configured (spec.replicas, spec.paused)");
        assertThat(new ApplyOutcome.Unchanged().describe()).isEqualTo("unchanged");
        assertThat(new ApplyOutcome.Failed("conflict with kubectl on spec.replicas").describe())
                .isEqualTo("failed: conflict with kubectl on spec.replicas");
        assertThat(new ApplyOutcome.NotAttempted("document 1 failed").describe())
                .isEqualTo("not applied: document 1 failed");

        assertThat(List.<ApplyOutcome>of(
                        new ApplyOutcome.Created(),
                        new ApplyOutcome.Configured(List.of()),
                        new ApplyOutcome.Unchanged()))
                .allMatch(ApplyOutcome::succeeded);
        assertThat(List.<ApplyOutcome>of(new ApplyOutcome.Failed("x"), new ApplyOutcome.NotAttempted("y")))
                .noneMatch(ApplyOutcome::succeeded);
    }

    @Test
    @DisplayName("a preview and an outcome name their document")
    void perDocument() {
        assertThat(new DocumentPreview(web, new PlannedChange.Change(List.of("spec.replicas"), 0)).describe())
                .isEqualTo("document 2 (apps/v1 Deployment shop/web) will change spec.replicas");
        assertThat(new DocumentOutcome(web, new ApplyOutcome.Created()).describe())
                .isEqualTo("document 2 (apps/v1 Deployment shop/web): created");
        assertThatThrownBy(() -> new DocumentOutcome(web, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DocumentPreview(null, new PlannedChange.Create()))
                .isInstanceOf(NullPointerException.class);
    }
}
