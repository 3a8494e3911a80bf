@listing
Feature: Listing objects
  An agent lists the objects of a type, in one namespace or in all of them, as a table it can read
  without the noise of managed fields, one page at a time, with its own permissions.

  Background:
    Given the namespace "shop" holds these config maps:
      | name     | labels   | data          |
      | settings | tier=web | color=blue    |
      | features | tier=web | checkout=on   |
      | database | tier=db  | host=db.local |

  Scenario: The agent lists the config maps of a namespace
    Given an agent who may read config maps in namespace "shop"
    When the agent lists "configmaps" in namespace "shop"
    Then the call succeeds
    And the answer says "settings"
    And the answer says "features"
    And the answer says "database"
    And the answer does not mention "managedFields"

  Scenario: The agent reads a long list one page at a time
    Given an agent who may read config maps in namespace "shop"
    When the agent lists "configmaps" in namespace "shop", 2 at a time, following every next page
    Then the agent needed at least 2 pages
    And no page held more than 2 objects
    And over all the pages the agent saw "settings", "features" and "database", each once

  Scenario: The agent narrows a list by label
    Given an agent who may read config maps in namespace "shop"
    When the agent lists "configmaps" in namespace "shop" with the label selector "tier=db"
    Then the call succeeds
    And the answer says "database"
    And the answer does not mention "settings"

  Scenario: Without a namespace, the agent lists every namespace it may read
    Given the namespace "warehouse" holds these config maps:
      | name    | labels   | data       |
      | shelves | tier=web | rows=12    |
    And an agent who may read config maps in every namespace
    When the agent lists "configmaps" without naming a namespace
    Then the call succeeds
    And the answer says "shop"
    And the answer says "settings"
    And the answer says "warehouse"
    And the answer says "shelves"
