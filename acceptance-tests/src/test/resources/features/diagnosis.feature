@diagnosis @workloads
Feature: Diagnosing a workload in one call
  When something does not work, the agent asks k-mcp once why. workload_diagnose reads, with the
  agent's own token, the workload, its pods, their events and nodes, the claims they wait for and the
  last log lines of the containers that crashed, and answers with the cause by name and its evidence,
  within the default budget of 8000 characters. The API server's audit log is the witness of what that
  one call cost the cluster: exactly the requests k-mcp says it sent. (Workloads must run for this: the
  scenarios use a control plane with controllers, a scheduler and fake nodes, so they run on the local
  target only.)

  Background:
    Given an agent who may read workloads in namespace "shop"

  Scenario: A deployment whose container keeps crashing: the exit code and the last words of the crashed run
    Given a deployment "orders" in namespace "shop" whose container keeps crashing
    When the agent diagnoses "orders" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "exit code 1" and "panic: cannot connect to database at db:5432"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A deployment whose image cannot be pulled
    Given a deployment "catalog" in namespace "shop" whose image cannot be pulled
    When the agent diagnoses "catalog" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "ImagePullBackOff" with the evidence "registry.invalid/catalog:does-not-exist"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A deployment whose container runs out of memory
    Given a deployment "cache" in namespace "shop" whose container runs out of memory
    When the agent diagnoses "cache" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "OOMKilled" with the evidence "137"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A deployment that no node can take, in the scheduler's words
    Given a deployment "reports" in namespace "shop" that asks for more CPU than any node has
    When the agent diagnoses "reports" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "Unschedulable" with the evidence "Insufficient cpu"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A deployment whose readiness probe fails
    Given a deployment "search" in namespace "shop" whose readiness probe fails
    When the agent diagnoses "search" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "ReadinessProbeFailing" with the evidence "Readiness probe failed"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A job that failed
    Given a job "migrate" in namespace "shop" that fails
    When the agent diagnoses "migrate" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "JobFailed" with the evidence "BackoffLimitExceeded"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A deployment waiting for a volume claim that no one provisions
    Given a deployment "ledger" in namespace "shop" whose volume claim no one provisions
    When the agent diagnoses "ledger" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "ClaimPending" with the evidence "ledger-data"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A healthy deployment: no problem found
    Given a healthy deployment "web" with 2 replicas in namespace "shop"
    When the agent diagnoses "web" in namespace "shop"
    Then the call succeeds
    And the diagnosis finds no problem
    And the diagnosis read everything it needed
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A service whose selector matches no pod
    Given a healthy deployment "frontend" with 1 replica in namespace "shop"
    And a service "frontend" in namespace "shop" whose selector matches no pod
    When the agent diagnoses the service "frontend" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "ServiceSelectsNothing" with the evidence "app=frontend-v2"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A service in front of a healthy deployment: no problem found
    Given a healthy deployment "web" with 2 replicas in namespace "shop"
    And a service in front of the deployment "web" in namespace "shop"
    When the agent diagnoses the service "web" in namespace "shop"
    Then the call succeeds
    And the diagnosis finds no problem
    And the answer names every pod of "web" in namespace "shop"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  Scenario: A Secret mounted by a failing pod is named, never read
    Given the namespace "shop" holds a secret "payments-db" with "password" set to "hunter2-do-not-leak"
    And the agent may read the resource "secrets" in namespace "shop"
    And a deployment "payments" in namespace "shop" that mounts the secret "payments-db" and keeps crashing
    When the agent diagnoses "payments" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "CrashLoopBackOff" with the evidence "panic: password authentication failed"
    And the answer says "payments-db"
    And the answer does not mention "hunter2-do-not-leak"
    And k-mcp sent the cluster no request for "secrets"
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  # A Job's status has no observedGeneration; its absence must not read as a stuck controller.
  Scenario: The owner chain of a job does not claim its controller has not seen it
    Given a job "migrate" in namespace "shop" that fails
    When the agent diagnoses "migrate" in namespace "shop"
    Then the call succeeds
    And the answer does not mention "not yet observed"

  # kwok, like kubelet, leaves finalizers alone: the pod stays, terminating, until its finalizer goes.
  @deletion
  Scenario: A pod a finalizer keeps after its deletion is no healthy pod: what holds it, and for how long
    Given a healthy deployment "web" with 1 replica in namespace "shop"
    And the pod of "web" in namespace "shop" is held by the finalizer "example.com/hold" and was deleted
    When the agent diagnoses "web" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "DeletionBlocked" with the evidence "example.com/hold"
    And the diagnosis says how long ago the held pod of "web" was deleted, and what holds it
    And the answer does not mention "No problem found"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  # The kubelet's, the scheduler's and the controllers' own reasons (docs/diagnosis-reasons.md). The
  # control plane reaches the first states by itself; the states only a kubelet reports are written
  # through the API as a kubelet writes them: the pod's status and the kubelet's events.
  @reasons
  Scenario: A deployment a resource quota keeps from creating pods
    Given a deployment "intake" in namespace "shop" that a resource quota keeps from creating pods
    When the agent diagnoses "intake" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "FailedCreate" with the evidence "exceeded quota" and "a ResourceQuota of the namespace is used up"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  @reasons
  Scenario: A deployment whose pods the namespace's Pod Security level forbids
    Given a deployment "legacy" in namespace "shop" whose pods the namespace's Pod Security level forbids
    When the agent diagnoses "legacy" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "FailedCreate" with the evidence "violates PodSecurity" and "fix its securityContext"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A deployment whose pods wait for a scheduling gate
    Given a deployment "batch" in namespace "shop" whose pods wait for a scheduling gate
    When the agent diagnoses "batch" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "SchedulingGated" with the evidence "spec.schedulingGates"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A deployment whose node selector no node matches: the scheduler's words and the next step
    Given a deployment "indexer" in namespace "shop" whose node selector no node matches
    When the agent diagnoses "indexer" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "Unschedulable" with the evidence "didn't match Pod's node affinity/selector" and "fix them or label a node"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A job that runs past its active deadline
    Given a job "nightly" in namespace "shop" that runs past its active deadline
    When the agent diagnoses "nightly" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "JobFailed" with the evidence "DeadlineExceeded" and "raise the deadline"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A pod the kubelet evicted for its node's memory
    Given a pod "thumbnailer" in namespace "shop" that the kubelet evicted for the node's memory
    When the agent diagnoses the pod "thumbnailer" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "Evicted" with the evidence "The node was low on resource: memory" and "set the pods' memory requests"
    And the answer does not mention "] ContainerFailed —"
    And the answer fits in the default budget of 8000 characters
    And the diagnosis cost the cluster at most 20 API requests, as many as the audit log recorded

  @reasons
  Scenario: A pod the kubelet of its node rejected
    Given a pod "resizer" in namespace "shop" that the kubelet of its node rejected for lack of CPU
    When the agent diagnoses the pod "resizer" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "PodRejected" with the evidence "OutOfcpu" and "the node had no room left for it"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A pod whose container refers to a ConfigMap that does not exist
    Given a pod "pricing" in namespace "shop" whose container refers to a ConfigMap "pricing-settings" that does not exist
    When the agent diagnoses the pod "pricing" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "CreateContainerConfigError" with the evidence "pricing-settings" and "create the ConfigMap pricing-settings"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A pod whose volume does not mount
    Given a pod "mailer" in namespace "shop" whose volume's ConfigMap "mailer-templates" does not exist
    When the agent diagnoses the pod "mailer" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "FailedMount" with the evidence "MountVolume.SetUp failed" and "create the ConfigMap mailer-templates"
    And the answer does not mention "] ContainerWaiting —"
    And the answer fits in the default budget of 8000 characters

  @reasons
  Scenario: A pod whose liveness probe gets it killed: the probe, not a crash, is the cause
    Given a pod "checkout" in namespace "shop" whose liveness probe fails and gets it restarted
    When the agent diagnoses the pod "checkout" in namespace "shop"
    Then the call succeeds
    And the diagnosis names the cause "LivenessProbeFailing" with the evidence "Liveness probe failed: HTTP probe failed with statuscode: 500" and "failed liveness probe"
    And the answer does not mention "] CrashLoopBackOff —"
    And the answer fits in the default budget of 8000 characters
