/**
 * The diagnosis rules, one class each, grouped by what they look at: {@code containers}, {@code pods}
 * (pods that failed as a whole), {@code scheduling}, {@code services}, {@code workloads}, {@code nodes},
 * {@code autoscaling}, {@code deletion}, {@code routes} (Ingress and HTTPRoute backends) and
 * {@code conditions} (any object by its status conditions). This
 * package holds what they share: how pods failing alike are grouped on one subject, and how evidence
 * is quoted. {@link io.kmcp.domain.diagnosis.DiagnosisRules} runs them in a fixed order.
 */
package io.kmcp.domain.diagnosis.rules;
