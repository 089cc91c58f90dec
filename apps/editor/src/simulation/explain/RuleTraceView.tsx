// One rule (an action node and the way to it): did it fire, and if not, the condition node where it stopped.
import type { RuleTrace } from '@mentionflow/engine';
import { actionText } from '../results/decision-text.ts';
import { ConditionTraceView } from './ConditionTraceView.tsx';
import { ruleStops } from './rule-stops.ts';

export function RuleTraceView({ rule, reached, open }: { rule: RuleTrace; reached: ReadonlySet<string> | undefined; open: boolean }) {
  const stops = ruleStops(rule, reached);
  const stopNodes = new Set(stops.map((stop) => stop.nodeId));
  return (
    <li className={`rule-trace ${rule.fired ? 'fired' : 'not-fired'}`} data-rule={rule.nodeId}>
      <details open={open}>
        <summary>
          <span className={`verdict ${rule.fired ? 'verdict-passed' : 'verdict-failed'}`}>
            <span aria-hidden="true">{rule.fired ? '✓' : '✗'}</span> {rule.fired ? 'fired' : 'did not fire'}
          </span>{' '}
          <span className="rule-action">{actionText(rule.action)}</span> <code>{rule.nodeId}</code>
          {!rule.fired && (
            <span className="rule-stop">
              {stops.length > 0
                ? ` — stopped at ${stops.map((stop) => `${stop.nodeId} (needed “${stop.needed}”)`).join(' and ')}`
                : reached && reached.size === 0
                  ? ' — the trigger did not let the mention in'
                  : ''}
            </span>
          )}
        </summary>
        <ConditionTraceView trace={rule.conditions} stopNodes={stopNodes} />
      </details>
    </li>
  );
}
