@diagnosis-any-object @workloads
Feature: Diagnosing from whatever object the agent starts at
  An agent told "the shop is down" often starts at the Ingress, the autoscaler, a claim, a node or the
  namespace rather than at a Deployment. workload_diagnose starts from any of them: it follows an
  Ingress to its Services, their endpoints and pods, naming a Service or port that is missing; it judges
  an autoscaler, or any object, by its status conditions; it tells a claim with the pods that wait for
  it, a node with its conditions, a namespace by its overview. The API server's audit log is the witness
  of what the one call cost. Bad input gets an answer that says what was tried and what to do next.

  Background:
    Given an agent who may read workloads in namespace "shop"

  Scenario: An Ingress in front of a crashing deployment and a Service that does not exist
    Given a deployment "orders" in namespace "shop" whose container keeps crashing
    And a service for the deployment "orders" in namespace "shop", ready or not
    And an ingress "storefront" in namespace "shop" sending "/" to the service "orders" and "/api" to the service "api"
    When the agent diagnoses the ingress "storefront" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "BackendServiceMissing" with the evidence "Service api, which does not exist"
    And the diagnosis names the cause "NoReadyEndpoints" with the evidence "routed from Ingress shop/storefront"
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "panic: cannot connect to database at db:5432"
    And k-mcp sent the cluster no request for "secrets"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A bare name finds the Ingress when no workload has it
    Given a healthy deployment "web" with 1 replica in namespace "shop"
    And a service for the deployment "web" in namespace "shop", ready or not
    And an ingress "storefront" in namespace "shop" sending "/" to the service "web" and "/api" to the service "api"
    When the agent diagnoses "storefront" in namespace "shop"
    Then the call succeeds
    And the answer begins with "Ingress shop/storefront"
    And the diagnosis names the cause "BackendServiceMissing" with the evidence "api"
    And the diagnosis cost the cluster at most 25 API requests, as many as the audit log recorded

  # The Gateway API's real HTTPRoute CRD, from its Go module as the Helm chart's test installs it; it
  # stays served for the rest of the run, as CRDs of a cluster do.
  @gateway-api
  Scenario: An HTTPRoute whose Gateway cannot resolve its backend, in front of a crashing deployment
    Given the cluster serves the Gateway API's HTTPRoute
    And a deployment "orders" in namespace "shop" whose container keeps crashing
    And a service for the deployment "orders" in namespace "shop", ready or not
    And an HTTPRoute "storefront" in namespace "shop" to the service "orders", its backend unresolved by its Gateway
    When the agent diagnoses the httproute "storefront" in namespace "shop"
    Then the call succeeds
    And the answer begins with "HTTPRoute shop/storefront"
    And the diagnosis names the cause "ConditionFailing" with the evidence "ResolvedRefs=False (BackendNotFound)"
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "exit code 1"
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: An autoscaler whose metrics cannot be read, in front of a crashing deployment
    Given a deployment "orders" in namespace "shop" whose container keeps crashing
    And an autoscaler "orders" of the deployment "orders" in namespace "shop" whose metrics cannot be read
    When the agent diagnoses the hpa "orders" in namespace "shop"
    Then the call succeeds
    And the answer begins with "HorizontalPodAutoscaler shop/orders"
    And the diagnosis names the cause "ConditionFailing" with the evidence "ScalingActive=False"
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "exit code 1"
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A volume claim no one provisions, with the pod that waits for it
    Given a deployment "ledger" in namespace "shop" whose volume claim no one provisions
    When the agent diagnoses the pvc "ledger-data" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "ClaimPending" with the evidence "used by ledger-"
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A node that is not ready, named without a namespace
    Given a node "broken-node" that is not ready
    When the agent diagnoses the node "broken-node" without a namespace
    Then the call succeeds
    And the diagnosis names the cause "NodeNotReady" with the evidence "is not ready"
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A namespace hands over to its overview: the crashing deployment in it
    Given a deployment "orders" in namespace "shop" whose container keeps crashing
    When the agent diagnoses the namespace "shop" without a namespace
    Then the call succeeds
    And the answer begins with "Namespace shop"
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "diagnose Deployment shop/orders"
    And the diagnosis cost the cluster at most 25 API requests, as many as the audit log recorded

  Scenario: A namespaced kind without a namespace is refused with what to do
    When the agent diagnoses the ingress "storefront" without a namespace
    Then the call fails
    And the answer says "Ingress objects live in namespaces"
    And the answer says "namespace"

  Scenario: An unknown kind is refused by name
    When the agent diagnoses the gizmo "storefront" in namespace "shop"
    Then the call fails
    And the answer says "gizmo"

  Scenario: A namespace the agent may not read: what was tried, what was denied, what to call next
    When the agent diagnoses "storefront" in namespace "elsewhere"
    Then the call fails
    And the answer says "Tried: Deployment"
    And the answer says "Denied:"
    And the answer says "access_review"
