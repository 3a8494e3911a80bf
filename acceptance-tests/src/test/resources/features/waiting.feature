@waiting @workloads
Feature: Applying and waiting until it is ready
  With wait: true, resource_apply follows what it applied until it is ready: a Deployment rolled out,
  a Job complete, an object whose Ready condition is True. The agent is told how the wait goes while
  it lasts (progress notifications). A container that keeps crashing ends the wait at once, and a wait
  that runs out of time ends at its timeout; either way the answer is not a bare failure but the
  findings workload_diagnose gives for the workload. (Rollouts happen on the control plane with
  controllers, a scheduler and fake nodes, so these scenarios run on the local target only.)

  Background:
    Given a namespace "shop"
    And an agent who may read workloads in namespace "shop"
    And the agent may read and write deployments in namespace "shop"
    And the agent may read and write config maps in namespace "shop"
    And the agent's user approves changes

  Scenario: A deployment that rolls out: ready, and the agent was told how it went meanwhile
    When the agent applies and waits at most 60 seconds:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: app
              image: registry.example/web:1.4.2
      """
    Then the call succeeds
    And the answer says "Ready after"
    And the answer says "rolled out: 2/2 replicas updated and available"
    And the wait reports the Deployment "web" as READY
    And the agent was told how the wait went while it waited

  Scenario: A deployment whose container keeps crashing ends the wait early, with the diagnosis' findings
    When the agent applies and waits at most 120 seconds:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
              kmcp.test/fault: crashloop
          spec:
            containers:
            - name: app
              image: registry.example/web:1.4.2
      """
    Then the call fails
    And the answer says "Not ready after waiting"
    And the answer says "CrashLoopBackOff"
    And the wait reports the Deployment "web" as FAILED
    And the wait names the cause "CrashLoopBackOff" for the Deployment "web"
    And the call ended in less than 60 seconds
    And the agent was told how the wait went while it waited

  Scenario: A deployment that never becomes ready times out, with the diagnosis' findings instead of a bare timeout
    When the agent applies and waits at most 15 seconds:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 1
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
              kmcp.test/fault: unready
          spec:
            containers:
            - name: app
              image: registry.example/web:1.4.2
              readinessProbe:
                httpGet:
                  path: /ready
                  port: 8080
      """
    Then the call fails
    And the answer says "timed out after 15 s"
    And the wait reports the Deployment "web" as TIMED_OUT
    And the wait names the cause "ReadinessProbeFailing" for the Deployment "web"
    And the answer says "a larger timeoutSeconds"
    And the agent was told how the wait went while it waited

  Scenario: A config map has no readiness: the answer says it was not waited for, and why
    When the agent applies and waits:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    Then the call succeeds
    And the answer says "not waited for"
    And the answer says "reports no readiness (no rollout status, no Ready condition)"
    And the wait reports the ConfigMap "settings" as NO_READINESS
