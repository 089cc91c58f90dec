// A rule's condition as a tree: groups (a condition node, its "no" branch, or paths combined) down to clauses with
// the fact, operator, value, the fact's value for this mention, and ✓ / ✗ — or "not evaluated" when skipped.
import type { ConditionTrace, FactTrace, GroupTrace } from '@mentionflow/engine';
import { formatValue, groupHeading, verdictOf, VERDICT_MARK, type Verdict } from './trace-text.ts';

function VerdictMark({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict-${verdict.replace(' ', '-')}`}>
      <span aria-hidden="true">{VERDICT_MARK[verdict]}</span> {verdict}
    </span>
  );
}

export function ConditionTraceView({ trace, stopNodes }: { trace: ConditionTrace; stopNodes: ReadonlySet<string> }) {
  return trace.kind === 'fact' ? <ClauseTrace trace={trace} /> : <GroupTraceView trace={trace} stopNodes={stopNodes} />;
}

function GroupTraceView({ trace, stopNodes }: { trace: GroupTrace; stopNodes: ReadonlySet<string> }) {
  const stoppedHere = trace.nodeId !== undefined && stopNodes.has(trace.nodeId) && trace.result === false;
  return (
    <div className={`group-trace ${trace.result ? 'pass' : 'fail'}${stoppedHere ? ' stop-here' : ''}`} data-node={trace.nodeId}>
      <p className="group-trace-head">
        <VerdictMark verdict={verdictOf(trace.result)} /> {groupHeading(trace)}
        {stoppedHere && <span className="path-badge path-badge-stopped">stopped here</span>}
      </p>
      <ul>
        {trace.children.map((child, index) => (
          <li key={index}>
            <ConditionTraceView trace={child} stopNodes={stopNodes} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function ClauseTrace({ trace }: { trace: FactTrace }) {
  const verdict = verdictOf(trace.result, trace.evaluated);
  return (
    <div className={`clause-trace clause-${verdict.replace(' ', '-')}`}>
      <p className="clause-trace-head">
        <VerdictMark verdict={verdict} /> {trace.text}
      </p>
      <dl className="clause-facts">
        <div>
          <dt>fact</dt>
          <dd>
            <code>{trace.fact}</code>
            {trace.params && Object.keys(trace.params).length > 0 && <span className="muted"> ({formatValue(trace.params)})</span>}
          </dd>
        </div>
        <div>
          <dt>operator</dt>
          <dd>
            <code>{trace.operator}</code>
          </dd>
        </div>
        <div>
          <dt>value</dt>
          <dd>{formatValue(trace.value)}</dd>
        </div>
        <div>
          <dt>fact value</dt>
          <dd className="fact-value">{formatValue(trace.factValue)}</dd>
        </div>
      </dl>
      {!trace.evaluated && <p className="muted clause-note">Not evaluated: its group was already decided. The fact’s value is shown for reference.</p>}
    </div>
  );
}
