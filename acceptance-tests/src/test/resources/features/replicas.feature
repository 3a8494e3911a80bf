@replicas
Feature: Any replica answers
  An operator runs k-mcp as several replicas behind a load balancer, every replica with the same flags
  and the same request-state key file. In the 2026-07-28 protocol nothing a later request needs lives in
  one replica's memory, so the balancer needs no affinity: calls go round-robin, a confirmation asked by
  one replica is answered by another, and a replica that dies costs no call. The 2025-11-25 protocol keeps
  each session in the replica that opened it, so there the balancer must follow the Mcp-Session-Id.

  Background:
    Given a namespace "shop"
    And an agent who may read and write config maps in namespace "shop"

  Scenario: Consecutive calls land on different replicas
    Given k-mcp runs as 3 replicas behind a load balancer
    When the agent lists "configmaps" in namespace "shop" 6 times over the 2026-07-28 protocol
    Then every call succeeded
    And each of the 3 replicas logged some of the agent's calls

  Scenario: A confirmation asked by one replica is answered by another
    Given k-mcp runs as 3 replicas behind a load balancer
    When the agent applies over the 2026-07-28 protocol, its user approving:
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
    And the answer says "Applied 1 document"
    And one replica logged the agent's "resource_apply" as "input-required" and another one as "ok"
    And the config map "settings" in namespace "shop" has "color" set to "blue"

  Scenario: A confirmation whose request state was tampered with is refused, and nothing is applied
    Given k-mcp runs as 3 replicas behind a load balancer
    And the agent was asked to confirm, over the 2026-07-28 protocol, applying:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: shop
      data:
        color: blue
      """
    When the agent answers yes with one character of the request state's signature altered
    Then k-mcp refuses the answer, saying "does not carry this server's signature"
    And there is no config map "settings" in namespace "shop"

  Scenario: A replica dies under load and no call is lost
    Given k-mcp runs as 3 replicas of its own behind a load balancer
    # A replica's first call is slow (a cold JVM, the cluster's keys and types to fetch): done before the clock starts.
    And each replica has answered the agent once, directly
    When 20 clients of the agent list "configmaps" in namespace "shop" for 30 seconds over the 2026-07-28 protocol, replica 2 being killed 10 seconds in
    Then no call failed, each retried at most once
    And every replica answered calls, and replica 2 none after it was killed
    And the other replicas answered calls after replica 2 was killed

  Scenario: A 2025-11-25 session stays on its replica when the balancer follows its session id
    Given k-mcp runs as 3 replicas behind a load balancer
    When the agent opens a 2025-11-25 session through the balancer's frontend with affinity and lists "configmaps" in namespace "shop" 5 times
    Then every call succeeded
    And one replica logged all of the agent's 5 calls and the others none

  Scenario: Without affinity a 2025-11-25 session breaks
    Given k-mcp runs as 3 replicas behind a load balancer
    When the agent opens a 2025-11-25 session through the balancer's round-robin frontend and lists "configmaps" in namespace "shop" 5 times
    Then the agent's client fails at its second request, which another replica answers: "not found on the server"
    And no replica logged any of the agent's calls
