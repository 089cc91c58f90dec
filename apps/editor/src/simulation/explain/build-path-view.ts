// The canvas view of one side of a row's explanation, for the workflow open in the canvas: its path (from the
// ingest trace, or the escalation trace for escalation workflows) and where its unfired rules stopped.
import type { PathTrace, RuleTrace } from '@mentionflow/engine';
import type { PathView } from '../../editor/store/path-view.ts';
import type { SideTrace } from '../compare-types.ts';
import { ruleStops } from './rule-stops.ts';

/** The stage (ingest or escalation) in which the workflow ran, with its path; null when it did not run at all. */
export function stageOf(trace: SideTrace, workflowId: string): { rules: readonly RuleTrace[]; path: PathTrace } | null {
  for (const stage of [trace, trace.escalation]) {
    const path = stage?.paths.find((candidate) => candidate.workflowId === workflowId);
    if (stage && path) return { rules: stage.rules, path };
  }
  return null;
}

export function buildPathView(trace: SideTrace, workflowId: string, title: string): PathView | null {
  const stage = stageOf(trace, workflowId);
  if (!stage) return null;
  const reached = new Set(stage.path.reached);
  const stops: Record<string, string[]> = {};
  for (const rule of stage.rules) {
    if (rule.workflowId !== workflowId) continue;
    for (const stop of ruleStops(rule, reached)) {
      const list = (stops[stop.nodeId] ??= []);
      if (!list.includes(rule.nodeId)) list.push(rule.nodeId);
    }
  }
  return { title, reached, outcomes: stage.path.outcomes, stops };
}
