@authentication
Feature: Authentication and cluster routing
  An agent authenticates with a service-account token its cluster minted. The token's audiences must
  name k-mcp and the API server of a cluster the operator configured; its signature must be the
  cluster's. Anything else is refused before k-mcp contacts any cluster or any address a token names.
  (Which of several clusters a token reaches: cluster-routing.feature.)

  Background:
    Given an agent who may read namespaces across the cluster

  Scenario: A token whose audiences name the cluster and k-mcp works
    When the agent connects with a token for the audiences "<the cluster>", "k-mcp" and "<the issuer>"
    And the agent lists "namespaces"
    Then the call succeeds
    And the answer says "agents"

  Scenario: The cluster may be named anywhere among the audiences
    When the agent connects with a token for the audiences "k-mcp", "<the issuer>" and "<the cluster>"
    And the agent lists "namespaces"
    Then the call succeeds

  Scenario: Without a token, k-mcp refuses and says where to learn how to authenticate
    When someone connects to k-mcp without a token
    Then k-mcp refuses the connection as unauthenticated
    And the refusal points to k-mcp's protected-resource metadata

  # Forging a token the cluster once issued needs the cluster's signing key, which only the local target shares.
  @local-only
  Scenario: An expired token is refused
    When the agent connects with its token as it was, expired an hour ago
    Then k-mcp refuses the connection as unauthenticated
    And the refusal says "expired"
    And k-mcp sent the cluster no request for the agent

  Scenario: A token whose claims were changed after signing is refused
    When the agent connects with its token rewritten to claim the subject "system:serviceaccount:kube-system:admin"
    Then k-mcp refuses the connection as unauthenticated
    And the refusal says "invalid_token"
    And k-mcp sent the cluster no request for the agent

  Scenario: A token for a cluster the operator did not configure is refused, and that address is never contacted
    Given an address no operator configured, listening for connections
    When the agent connects with a token for the audiences "<that address>", "k-mcp" and "<the issuer>"
    Then k-mcp refuses the connection as unauthenticated
    And the refusal says "names no cluster"
    And nothing ever connected to that address
    And k-mcp sent the cluster no request for the agent

  Scenario: A token not meant for k-mcp is refused
    When the agent connects with a token for the audiences "<the cluster>" and "<the issuer>"
    Then k-mcp refuses the connection as unauthenticated
    And the refusal says "k-mcp"
