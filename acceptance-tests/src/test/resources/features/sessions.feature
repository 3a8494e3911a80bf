@sessions
Feature: Sessions belong to their agent
  An MCP session is bound to the identity that opened it. Someone who learns the session id cannot
  use it with another token, or without one.

  Background:
    Given an agent without any permissions
    And another agent without any permissions
    And the agent has opened a session with k-mcp

  Scenario: Another agent's token cannot use the session
    When another agent sends a request on the agent's session
    Then k-mcp answers as if the session did not exist
    And the agent can still use its session

  Scenario: A request on the session without a token is refused
    When someone sends a request on the agent's session without a token
    Then k-mcp refuses the connection as unauthenticated
    And the agent can still use its session
