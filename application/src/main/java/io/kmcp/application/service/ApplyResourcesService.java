package io.kmcp.application.service;

import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import io.kmcp.application.port.in.ApplyCommand;
import io.kmcp.application.port.in.ApplyReport;
import io.kmcp.application.port.in.ApplyReport.Status;
import io.kmcp.application.port.in.ApplyResources;
import io.kmcp.application.port.out.ApplyApproval;
import io.kmcp.application.port.out.ManifestParser;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.application.port.out.ResourceWriter.ApplyMode;
import io.kmcp.domain.apply.ApplyOutcome;
import io.kmcp.domain.apply.ApplyPlan;
import io.kmcp.domain.apply.DocumentOutcome;
import io.kmcp.domain.apply.DocumentPreview;
import io.kmcp.domain.apply.FieldDiff;
import io.kmcp.domain.apply.Manifest;
import io.kmcp.domain.apply.Manifests;
import io.kmcp.domain.apply.PlannedChange;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.policy.PolicyDecision;
import io.kmcp.domain.redaction.RedactionMarker;
import io.kmcp.domain.resource.NamespaceScopeException;
import io.kmcp.domain.resource.ResourceKey;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Server-side apply with a preview and one confirmation. The order of checks is the point: nothing
 * reaches the cluster before every document is parsed and allowed by the policy, and nothing is
 * applied before every document that can be dry-run has been, and the user has agreed.
 *
 * <p>A document that depends on an earlier document of the same request (a namespaced object in a
 * Namespace the request creates, a custom resource whose CRD the request installs) cannot be dry-run
 * before that document exists. Its type is still resolved up front, unless a CRD of the request
 * defines it, so a misspelt kind applies nothing. The plan shows it as not previewable; once
 * confirmed, it is dry-run right after its prerequisites are applied and applied only if that dry run
 * passes. Prerequisites (Namespaces, CRDs) are additive, so a failure there leaves nothing
 * half-changed.
 */
public final class ApplyResourcesService implements ApplyResources {

    private final ManifestParser parser;
    private final AccessPolicy policy;
    private final TypeLookup types;
    private final ResourceReader reader;
    private final ResourceWriter writer;
    private final DeferredTypes deferredTypes;

    public ApplyResourcesService(
            ManifestParser parser,
            AccessPolicy policy,
            TypeLookup types,
            ResourceReader reader,
            ResourceWriter writer,
            DeferredTypes deferredTypes) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.types = Objects.requireNonNull(types, "types");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.deferredTypes = Objects.requireNonNull(deferredTypes, "deferredTypes");
    }

    @Override
    public ApplyReport apply(Caller caller, ApplyCommand command, ApplyApproval approval) {
        List<Manifest> manifests = Inputs.valid(() -> Manifests.parse(parser.parse(command.manifests())));
        refuseRestricted(manifests);
        refuseRedactionMarkers(manifests);
        ApplyPlan plan = Inputs.valid(() -> ApplyPlan.of(manifests));

        // Every type is resolved (and checked against the policy again, now by discovery) before any
        // dry run, so a bad document fails the request before the cluster is asked anything else. Only a
        // kind that a CRD of this request defines cannot be: discovery serves it once that CRD is applied.
        Map<ApplyPlan.Step, ResourceKey> resolved = new IdentityHashMap<>();
        for (ApplyPlan.Step step : plan.steps()) {
            if (!kindDefinedByRequest(plan, step)) {
                resolved.put(step, keyOf(step.manifest(), typeOf(caller, step.manifest())));
            }
        }
        List<Previewed> previewed = new ArrayList<>();
        for (ApplyPlan.Step step : plan.steps()) {
            try {
                previewed.add(preview(caller, step, Optional.ofNullable(resolved.get(step))));
            } catch (RequestFailedException refused) {
                return rejected(plan, step, previewed, refused);
            }
        }
        List<DocumentPreview> previews =
                previewed.stream().map(Previewed::preview).toList();
        if (command.dryRun()) {
            return new ApplyReport(Status.PREVIEWED, previews, List.of());
        }
        if (previews.stream().allMatch(preview -> preview.change() instanceof PlannedChange.Unchanged)) {
            // Nothing would change: there is nothing to confirm.
            return new ApplyReport(
                    Status.APPLIED,
                    previews,
                    previews.stream()
                            .map(preview -> new DocumentOutcome(preview.manifest(), new ApplyOutcome.Unchanged()))
                            .toList());
        }
        return switch (approval.ask(previews)) {
            case APPROVED -> applyAll(caller, previewed);
            case DECLINED -> new ApplyReport(Status.DECLINED, previews, List.of());
            case CANCELLED -> new ApplyReport(Status.CANCELLED, previews, List.of());
            case UNAVAILABLE -> new ApplyReport(Status.CONFIRMATION_REQUIRED, previews, List.of());
        };
    }

    /** One restricted document refuses the whole request, before anything is sent anywhere. */
    private void refuseRestricted(List<Manifest> manifests) {
        List<String> refusals = new ArrayList<>();
        for (Manifest manifest : manifests) {
            if (policy.decideManifest(manifest.apiVersion(), manifest.kind())
                    instanceof PolicyDecision.Restricted restricted) {
                refusals.add(manifest.describe() + ": " + restricted.reason());
            }
        }
        if (!refusals.isEmpty()) {
            throw new RequestFailedException(
                    Reason.RESTRICTED,
                    "Nothing was applied. " + String.join(" ", refusals)
                            + " Remove the restricted document(s) and send the request again.");
        }
    }

    /**
     * A manifest made from a redacted read still carries markers where the credentials were: applied,
     * it would replace them in the cluster by the marker's text. One such document refuses the whole
     * request, before anything is sent.
     */
    private static void refuseRedactionMarkers(List<Manifest> manifests) {
        List<String> carriers = new ArrayList<>();
        for (Manifest manifest : manifests) {
            List<String> paths = RedactionMarker.pathsIn(manifest.body());
            if (!paths.isEmpty()) {
                carriers.add(manifest.describe() + " at " + String.join(", ", paths));
            }
        }
        if (!carriers.isEmpty()) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    "Nothing was applied. " + String.join("; ", carriers) + " still carries the marker \""
                            + RedactionMarker.PREFIX + ": …>\" that k-mcp shows in place of a hidden credential;"
                            + " applying it would write the marker into the cluster instead of the credential."
                            + " Put the real value there, or reference a Secret (an env entry's"
                            + " valueFrom.secretKeyRef), or leave the field out so that the cluster keeps the value"
                            + " it has, and send the request again.");
        }
    }

    private Previewed preview(Caller caller, ApplyPlan.Step step, Optional<ResourceKey> resolvedKey) {
        Manifest manifest = step.manifest();
        if (!step.canBeDryRunAlone()) {
            String needs = step.prerequisites().stream().map(Object::toString).collect(Collectors.joining(", "));
            return new Previewed(
                    resolvedKey,
                    Optional.empty(),
                    new DocumentPreview(
                            manifest,
                            new PlannedChange.CannotPreview("it needs " + needs
                                    + " of this request to exist first; it will be checked by a dry run right"
                                    + " after that and applied only if the check passes")));
        }
        ResourceKey key = resolvedKey.orElseThrow();
        Optional<Map<String, Object>> live = reader.get(caller, key);
        Map<String, Object> dryRun = writer.apply(caller, key, manifest.body(), ApplyMode.DRY_RUN);
        PlannedChange change =
                live.map(object -> FieldDiff.between(object, dryRun)).orElseGet(PlannedChange.Create::new);
        return new Previewed(resolvedKey, live, new DocumentPreview(manifest, change));
    }

    private static ApplyReport rejected(
            ApplyPlan plan, ApplyPlan.Step failedStep, List<Previewed> previewed, RequestFailedException refusal) {
        List<DocumentOutcome> outcomes = plan.steps().stream()
                .map(step -> new DocumentOutcome(
                        step.manifest(),
                        step == failedStep
                                ? new ApplyOutcome.Failed("the dry run was refused: " + refusal.getMessage())
                                : new ApplyOutcome.NotAttempted(
                                        "nothing is applied when a document of the request fails its dry run")))
                .toList();
        return new ApplyReport(
                Status.REJECTED, previewed.stream().map(Previewed::preview).toList(), outcomes);
    }

    private ApplyReport applyAll(Caller caller, List<Previewed> previewed) {
        List<DocumentOutcome> outcomes = new ArrayList<>();
        String stoppedBecause = null;
        for (Previewed document : previewed) {
            Manifest manifest = document.preview().manifest();
            if (stoppedBecause != null) {
                outcomes.add(new DocumentOutcome(manifest, new ApplyOutcome.NotAttempted(stoppedBecause)));
                continue;
            }
            try {
                outcomes.add(new DocumentOutcome(manifest, applyOne(caller, document)));
            } catch (RequestFailedException failure) {
                outcomes.add(new DocumentOutcome(manifest, new ApplyOutcome.Failed(failure.getMessage())));
                stoppedBecause = "applying stopped at " + manifest.position() + ", which failed";
            }
        }
        Status status = stoppedBecause == null ? Status.APPLIED : Status.FAILED;
        return new ApplyReport(
                status, previewed.stream().map(Previewed::preview).toList(), outcomes);
    }

    private ApplyOutcome applyOne(Caller caller, Previewed document) {
        Manifest manifest = document.preview().manifest();
        ResourceKey key;
        Optional<Map<String, Object>> live;
        if (document.preview().change() instanceof PlannedChange.CannotPreview) {
            // Its prerequisites exist now: check it as the others were checked before it is applied.
            key = document.key().orElseGet(() -> keyOf(manifest, deferredTypes.await(() -> typeOf(caller, manifest))));
            live = reader.get(caller, key);
            writer.apply(caller, key, manifest.body(), ApplyMode.DRY_RUN);
        } else {
            key = document.key().orElseThrow();
            live = document.live();
        }
        Map<String, Object> applied = writer.apply(caller, key, manifest.body(), ApplyMode.APPLY);
        if (live.isEmpty()) {
            return new ApplyOutcome.Created();
        }
        List<String> changed = FieldDiff.changedPaths(live.get(), applied);
        return changed.isEmpty() ? new ApplyOutcome.Unchanged() : new ApplyOutcome.Configured(changed);
    }

    private ResourceType typeOf(Caller caller, Manifest manifest) {
        return types.resolve(caller, manifest.typeReference(), Verb.PATCH);
    }

    /** The key decides whether the document's namespace fits its type; this only says it in terms of a manifest. */
    private static ResourceKey keyOf(Manifest manifest, ResourceType type) {
        try {
            return new ResourceKey(type, manifest.namespace(), manifest.name());
        } catch (NamespaceScopeException e) {
            throw new RequestFailedException(
                    Reason.INVALID_ARGUMENT,
                    e.namespaceMissing()
                            ? manifest.describe() + " is a namespaced " + type.kind()
                                    + " without metadata.namespace; add the namespace it belongs in (k-mcp never"
                                    + " guesses one)."
                            : manifest.describe() + " is a cluster-scoped " + type.kind()
                                    + " with a metadata.namespace; remove the namespace.");
        }
    }

    /** True if a CRD of the request defines the document's kind, which discovery cannot know before it is applied. */
    private static boolean kindDefinedByRequest(ApplyPlan plan, ApplyPlan.Step step) {
        return step.prerequisites().stream()
                .map(plan::stepOf)
                .flatMap(Optional::stream)
                .anyMatch(prerequisite -> prerequisite.manifest().isCustomResourceDefinition());
    }

    /**
     * A document's preview and what was learned making it, reused when it is applied: the key, unless a
     * CRD of the request defines its type, and the live object, if the document could be dry-run.
     */
    private record Previewed(Optional<ResourceKey> key, Optional<Map<String, Object>> live, DocumentPreview preview) {}
}
