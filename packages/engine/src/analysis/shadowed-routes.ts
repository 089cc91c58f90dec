// Warning 2: a route that never wins, because a better-ranked route to another queue fires whenever it does.
import type { AnalyzedRule } from './analyzed-rule.ts';
import { CaseBudget, covers, provenDisjoint } from './case-pairs.ts';
import { nameOf, refOf, ruleWarning, type RuleWarning } from './rule-warning.ts';

export function shadowedRouteWarnings(rules: readonly AnalyzedRule[], budget = new CaseBudget()): RuleWarning[] {
  const routes = rules.filter((rule) => rule.route && rule.cases.size > 0).sort((a, b) => a.position - b.position);
  const spamWorkflows = new Set(
    rules.filter((rule) => rule.fired.action.type === 'hide' && rule.fired.action.reason === 'spam').map((rule) => rule.workflow.workflowId),
  );
  const warnings: RuleWarning[] = [];
  for (const route of routes) {
    const winners: AnalyzedRule[] = [];
    // In every stage where the route can fire, some better route must fire too.
    for (const [scope, cases] of route.cases) {
      // Routes are in the executors' order, so the message names the best-ranked of those that qualify.
      const winner = routes.find((other) => {
        const found = other.cases.get(scope);
        if (!found || other.route!.rank >= route.route!.rank || other.route!.queue === route.route!.queue) return false;
        // When spam is hidden, only the hiding workflow's routes count: a route there can still win then.
        if (spamWorkflows.has(route.workflow.workflowId) && other.workflow.workflowId !== route.workflow.workflowId) return false;
        return !provenDisjoint(found, cases) && covers(found, cases, budget) === true;
      });
      if (!winner) break;
      winners.push(winner);
    }
    if (winners.length < route.cases.size) continue;
    const names = [...new Set(winners)].map((winner) => nameOf(winner, route)).join(' or ');
    warnings.push(
      ruleWarning(
        'shadowed_route',
        `${nameOf(route)} never decides the queue: whenever it applies, ${names} applies too and its lower rank wins.`,
        route,
        winners.map(refOf),
      ),
    );
  }
  return warnings;
}
