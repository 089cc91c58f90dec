// Warning 3 and the editor's on-demand list: routes to different queues that can fire for the same mention.
import type { CompiledWorkflow } from '../compiler/compile-workflow.ts';
import type { Stage } from '../rule-engine.ts';
import { analyzeRulesOf, type AnalyzedRule } from './analyzed-rule.ts';
import { CaseBudget, mayHoldTogether, provenDisjoint } from './case-pairs.ts';
import { nameOf, refOf, ruleWarning, type RuleWarning } from './rule-warning.ts';
import { STAGE_SCOPES } from './stages.ts';

export interface RouteRef {
  readonly workflowId: string;
  readonly nodeId: string;
  readonly queue: string;
  readonly rank: number;
}

export interface RouteOverlap {
  /** The route that decides the queue when both fire (lower rank, then workflow order, then node id). */
  readonly winner: RouteRef;
  readonly other: RouteRef;
  /** The stages in which both may fire. */
  readonly stages: readonly Stage[];
  /** False when the conditions were too large (or the rules too many) to compare: listed because they may overlap. */
  readonly compared: boolean;
}

interface Overlap extends RouteOverlap {
  readonly rules: readonly [AnalyzedRule, AnalyzedRule];
}

/**
 * Every pair of routes to different queues whose conditions are not provably disjoint, best-ranked pairs first.
 * Overlaps are usually intended (rank decides); the editor shows this list on demand.
 * @example listRouteOverlaps(workflows).filter((pair) => pair.other.nodeId === selectedNodeId)
 */
export function listRouteOverlaps(workflows: readonly CompiledWorkflow[]): RouteOverlap[] {
  return overlapsOf(analyzeRulesOf(workflows), () => true).map(({ rules: _rules, ...overlap }) => overlap);
}

/** Same-rank overlaps: the queue then depends on workflow order or node ids, which nobody means. */
export function conflictingRouteWarnings(rules: readonly AnalyzedRule[], budget = new CaseBudget()): RuleWarning[] {
  const tied = overlapsOf(rules, (a, b) => a.route!.rank === b.route!.rank, budget).filter((overlap) => overlap.compared);
  return tied.map(({ rules: [winner, other] }) => {
    const why =
      winner.workflow.workflowId === other.workflow.workflowId
        ? 'its node id sorts first'
        : `its workflow “${winner.workflow.name}” comes first`;
    const message =
      `${nameOf(other)} and ${nameOf(winner, other)} have the same rank and can both apply to one mention; ` +
      `“${winner.nodeId}” wins only because ${why}. Give them different ranks.`;
    return ruleWarning('conflicting_routes', message, other, [refOf(winner)]);
  });
}

function overlapsOf(
  rules: readonly AnalyzedRule[],
  wanted: (a: AnalyzedRule, b: AnalyzedRule) => boolean,
  budget = new CaseBudget(),
): Overlap[] {
  // Never-true routes take no part; routes too large to expand are kept, uncompared.
  const routes = rules.filter((rule) => rule.route && (!rule.expanded || rule.cases.size > 0)).sort((a, b) => a.position - b.position);
  const overlaps: Overlap[] = [];
  for (let first = 0; first < routes.length; first++) {
    const winner = routes[first]!;
    for (let second = first + 1; second < routes.length; second++) {
      const other = routes[second]!;
      if (winner.route!.queue === other.route!.queue || !wanted(winner, other)) continue;
      const stages: Stage[] = [];
      let compared = true;
      for (const scope of STAGE_SCOPES) {
        if (!scope.kinds.includes(winner.workflow.kind) || !scope.kinds.includes(other.workflow.kind)) continue;
        const left = winner.cases.get(scope);
        const right = other.cases.get(scope);
        // An expanded rule without cases here cannot fire in this stage.
        if ((winner.expanded && !left) || (other.expanded && !right)) continue;
        const together = left && right ? (provenDisjoint(left, right) ? false : mayHoldTogether(left, right, budget)) : undefined;
        if (together === false) continue;
        if (together === undefined) compared = false;
        stages.push(scope.stage);
      }
      if (stages.length > 0) overlaps.push({ winner: routeRef(winner), other: routeRef(other), stages, compared, rules: [winner, other] });
    }
  }
  return overlaps;
}

function routeRef(rule: AnalyzedRule): RouteRef {
  return { workflowId: rule.workflow.workflowId, nodeId: rule.nodeId, queue: rule.route!.queue, rank: rule.route!.rank };
}
