@cluster-routing @local-only
Feature: Routing among several clusters by the token's audience
  An operator may configure several clusters behind one k-mcp. A token's audience names the API server
  of exactly one of them: that cluster alone receives the agent's requests, and the others hear nothing
  of it. The agent's service account has the same name on both clusters here, so only the audience can
  tell them apart. (Two control planes run side by side for this, so it runs on the local target only.)

  Background:
    Given k-mcp serves two clusters, "east" and "west"
    And the agent's service account exists on both clusters and may read config maps on each
    And cluster "east" holds a config map "only-in-east" in namespace "shop"
    And cluster "west" holds a config map "only-in-west" in namespace "shop"

  Scenario: A token whose audience names cluster west reaches west, and east receives no request
    When the agent lists "configmaps" in namespace "shop" with a token that cluster "west" minted for itself
    Then the call succeeds
    And the answer says "only-in-west"
    And the answer does not mention "only-in-east"
    And cluster "west" received k-mcp's requests for the agent
    And cluster "east" received no request from k-mcp

  Scenario: A token whose audience names cluster east reaches east, and west receives no request
    When the agent lists "configmaps" in namespace "shop" with a token that cluster "east" minted for itself
    Then the call succeeds
    And the answer says "only-in-east"
    And the answer does not mention "only-in-west"
    And cluster "east" received k-mcp's requests for the agent
    And cluster "west" received no request from k-mcp

  Scenario: A token whose audience names both clusters is refused, and neither cluster is contacted
    When the agent connects with a token that cluster "west" minted for both clusters
    Then k-mcp refuses the connection as unauthenticated
    And the refusal says "names several configured clusters"
    And cluster "east" received no request from k-mcp
    And cluster "west" received no request from k-mcp
