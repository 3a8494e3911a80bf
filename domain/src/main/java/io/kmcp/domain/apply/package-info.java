/**
 * Applying manifests: documents checked one by one ({@link io.kmcp.domain.apply.Manifests}, {@link
 * io.kmcp.domain.apply.Manifest}), put in dependency order ({@link io.kmcp.domain.apply.ApplyPlan}),
 * previewed from a server-side dry run ({@link io.kmcp.domain.apply.FieldDiff}, {@link
 * io.kmcp.domain.apply.PlannedChange}) and reported per document ({@link
 * io.kmcp.domain.apply.ApplyOutcome}).
 */
package io.kmcp.domain.apply;
