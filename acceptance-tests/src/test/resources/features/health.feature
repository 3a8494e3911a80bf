@health
Feature: Health
  An operator's load balancer or orchestrator checks that k-mcp is up, without any credential,
  and learns nothing about the clusters behind it.

  Scenario: An operator checks that k-mcp is up without a token
    When an operator checks the health of k-mcp without a token
    Then k-mcp reports itself healthy
    And the health answer does not reveal the cluster it serves
