// Every rule of one side (published or draft) with its conditions: the workflow open in the canvas first, other
// workflows folded; and, when a virtual "now" was given, the escalation stage after the arrival stage.
import type { PathTrace, RuleTrace } from '@mentionflow/engine';
import type { SideTrace } from '../compare-types.ts';
import { RuleTraceView } from './RuleTraceView.tsx';

function byWorkflow(rules: readonly RuleTrace[], first: string): [string, RuleTrace[]][] {
  const groups = new Map<string, RuleTrace[]>();
  for (const rule of rules) groups.set(rule.workflowId, [...(groups.get(rule.workflowId) ?? []), rule]);
  return [...groups].sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : a < b ? -1 : 1));
}

function Stage({ title, rules, paths, workflowId }: { title: string; rules: readonly RuleTrace[]; paths: readonly PathTrace[]; workflowId: string }) {
  const workflows = byWorkflow(rules, workflowId);
  if (workflows.length === 0) return <p className="muted">{title}: no rule applies to this mention at this stage.</p>;
  return (
    <section className="trace-stage" aria-label={title}>
      <h4>{title}</h4>
      {workflows.map(([id, list]) => {
        const path = paths.find((candidate) => candidate.workflowId === id);
        const reached = path ? new Set(path.reached) : undefined;
        const fired = list.filter((rule) => rule.fired).length;
        const outcomes = Object.entries(path?.outcomes ?? {});
        return (
          <details key={id} className="trace-workflow" open={id === workflowId}>
            <summary>
              <strong>{id}</strong> {id === workflowId && <span className="muted">(this workflow)</span>} — {fired} of {list.length} rule{list.length === 1 ? '' : 's'} fired
            </summary>
            {outcomes.length > 0 && (
              <p className="trace-outcomes">
                Conditions on the way:{' '}
                {outcomes.map(([nodeId, branch], index) => (
                  <span key={nodeId}>
                    {index > 0 && ', '}
                    <code>{nodeId}</code> → {branch}
                  </span>
                ))}
              </p>
            )}
            <ul className="rule-list">
              {list.map((rule) => (
                <RuleTraceView key={rule.ruleId} rule={rule} reached={reached} open={id === workflowId && list.length <= 6} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

export function TraceView({ trace, workflowId }: { trace: SideTrace; workflowId: string }) {
  return (
    <div className="trace-view">
      <Stage title="When the mention arrived" rules={trace.rules} paths={trace.paths} workflowId={workflowId} />
      {trace.escalation && <Stage title="At the virtual “now” (escalations)" rules={trace.escalation.rules} paths={trace.escalation.paths} workflowId={workflowId} />}
    </div>
  );
}
