/**
 * Output budgets: answers built of sections with priorities, rendered within a number of characters
 * by shortening the least important sections first, with a marker saying what was left out and how to
 * get it. Deterministic, so the same answer is always cut the same way.
 */
package io.kmcp.domain.budget;
