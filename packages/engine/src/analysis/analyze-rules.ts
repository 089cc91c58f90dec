// Static analysis of compiled rules: warnings about rules that can never fire and routes that never win or tie.
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import { analyzeRulesOf } from './analyzed-rule.ts';
import { CaseBudget } from './case-pairs.ts';
import { neverTrueWarnings } from './never-true.ts';
import { conflictingRouteWarnings } from './route-overlaps.ts';
import { shadowedRouteWarnings } from './shadowed-routes.ts';
import type { RuleWarning } from './rule-warning.ts';

export { listRouteOverlaps, type RouteOverlap, type RouteRef } from './route-overlaps.ts';
export type { RuleNodeRef, RuleWarning } from './rule-warning.ts';

/**
 * Warnings (never errors) about the workflows taken together, as the engine runs them:
 * - `never_true`: an action whose conditions contradict each other on every path to it;
 * - `shadowed_route`: a route that a better-ranked route to another queue always overrides;
 * - `conflicting_routes`: two routes of the same rank to different queues that can fire together.
 * The checks are sound, not complete: what they cannot prove (or what is too large to expand) they leave alone.
 * Pass the workflows in the order the engine gets them: it breaks ties between equal ranks.
 */
export function analyzeRules(workflows: readonly CompiledWorkflow[]): RuleWarning[] {
  const rules = analyzeRulesOf(workflows);
  const budget = new CaseBudget();
  return [...neverTrueWarnings(rules), ...shadowedRouteWarnings(rules, budget), ...conflictingRouteWarnings(rules, budget)];
}
