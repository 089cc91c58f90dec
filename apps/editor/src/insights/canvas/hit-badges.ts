// Hit counts on the canvas: how often each node of the open workflow's published version fired over a range, and
// which actions never fired, as the short badges and tooltips the nodes show.
import type { RuleInsights } from '../insights-api.ts';

/** What the canvas shows for the open workflow (held in the editor store; null while hidden or not loaded). */
export interface RuleHits {
  readonly publishedVersion: number | null;
  /** "last 30 days": what the counts cover, for tooltips. */
  readonly rangeLabel: string;
  readonly byNode: Readonly<Record<string, number>>;
  readonly neverFired: ReadonlySet<string>;
}

/** The open workflow's counts out of `/api/insights/rules`, or null when it has no published version to count. */
export function ruleHitsOf(insights: RuleInsights, workflowId: string, rangeLabel: string): RuleHits | null {
  const found = insights.workflows.find((workflow) => workflow.workflowId === workflowId);
  if (!found) return null;
  const byNode: Record<string, number> = {};
  for (const node of found.nodes) byNode[node.nodeId] = (byNode[node.nodeId] ?? 0) + node.hits;
  return { publishedVersion: found.publishedVersion, rangeLabel, byNode, neverFired: new Set(found.neverFired) };
}

/** A count in at most four characters: 7, 999, 1.2k, 12k, 1.2M. */
export function formatHits(count: number): string {
  if (!Number.isFinite(count) || count < 0) return '0';
  const short = (value: number, unit: string) => `${value < 10 ? (Math.floor(value * 10) / 10).toString() : Math.floor(value).toString()}${unit}`;
  if (count < 1000) return String(Math.round(count));
  if (count < 1_000_000) return short(count / 1000, 'k');
  return short(count / 1_000_000, 'M');
}

export interface HitBadge {
  readonly tone: 'hits' | 'never';
  /** What the badge reads: "1.2k hits", "never fired". */
  readonly text: string;
  /** Its tooltip and accessible name, with the exact count and the range. */
  readonly label: string;
}

/** The badge of one node, or null when the counts say nothing about it (hidden, or not in the published version). */
export function hitBadgeFor(nodeId: string, hits: RuleHits | null): HitBadge | null {
  if (!hits) return null;
  const version = hits.publishedVersion !== null ? ` (published v${hits.publishedVersion})` : '';
  if (hits.neverFired.has(nodeId)) {
    return {
      tone: 'never',
      text: 'never fired',
      label: `Never fired in the ${hits.rangeLabel}${version}: its conditions may never match, or another rule may always win first.`,
    };
  }
  const count = hits.byNode[nodeId];
  if (count === undefined) return null;
  const exact = count.toLocaleString('en');
  return { tone: 'hits', text: `${formatHits(count)} hit${count === 1 ? '' : 's'}`, label: `Fired ${exact} time${count === 1 ? '' : 's'} in the ${hits.rangeLabel}${version}.` };
}
