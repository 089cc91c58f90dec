// Replays a stream of mentions in time order the way the live server sees them: volume windows fill and drain,
// incidents open once per topic and stay open. Time comes only from the mentions (and an optional `now`).
import type { MentionEvaluation, RuleEngine } from '../rule-engine.ts';
import type { Mention } from '../mention/mention-schema.ts';
import type { Decision } from '../decision/decision-schema.ts';
import { mergeDecisions } from '../decision/merge-decisions.ts';
import { compileVolumeQuery, volumeKey, type VolumeQuery } from '../facts/volume-query.ts';
import { TextForms } from '../text/text-forms.ts';

const MINUTE = 60_000;

interface VolumeWindow {
  readonly key: string;
  readonly query: VolumeQuery;
  /** The query's test with its terms compiled once (every mention meets every window). */
  readonly matches: ReturnType<typeof compileVolumeQuery>;
  /** Arrival times of matching mentions still inside the window, oldest first. */
  readonly arrivals: number[];
}

export interface ReplayOptions {
  /** When set, unanswered mentions are also run through escalation workflows at this time. */
  readonly now?: string;
}

/** One mention's pass through the replay: the decision, and exactly what each stage was evaluated with. */
export interface ReplayStep {
  readonly decision: Decision;
  /** The ingest evaluation: volumes and open incidents as they stood when the mention arrived. */
  readonly ingest: MentionEvaluation;
  /** The escalation evaluation at `now`, when the mention was still unanswered and escalation ran. */
  readonly escalation?: MentionEvaluation;
}

export class Replay {
  private readonly engine: RuleEngine;
  private readonly windows: VolumeWindow[];
  private readonly incidents = new Set<string>();
  private readonly now: string | undefined;

  constructor(engine: RuleEngine, options: ReplayOptions = {}) {
    this.engine = engine;
    this.now = options.now;
    this.windows = engine.volumeQueries().map((query) => ({ key: volumeKey(query), query, matches: compileVolumeQuery(query), arrivals: [] }));
  }

  /** Topics with an open incident, as the replay has opened them. */
  get openIncidents(): readonly string[] {
    return [...this.incidents];
  }

  /** Decide one mention; call in createdAt order. */
  ingest(mention: Mention): Decision {
    return this.step(mention).decision;
  }

  /** Like `ingest`, but also returns the evaluations it ran, so a host can explain the same decision. */
  step(mention: Mention): ReplayStep {
    const at = Date.parse(mention.createdAt);
    const forms = new TextForms();
    const volumes: Record<string, number> = {};
    for (const window of this.windows) {
      if (window.matches(mention.channel, () => forms.of(mention.text))) window.arrivals.push(at);
      const since = at - window.query.windowMinutes * MINUTE;
      while (window.arrivals.length > 0 && window.arrivals[0]! <= since) window.arrivals.shift();
      volumes[window.key] = window.arrivals.length;
    }
    const ingest: MentionEvaluation = { mention, volumes, openIncidents: [...this.incidents] };
    const decision = this.engine.decide(ingest);
    for (const action of decision.actions) {
      if (action.type === 'open_incident') this.incidents.add(action.topic as string);
    }
    if (this.now === undefined || mention.firstResponseAt !== undefined || Date.parse(this.now) < at) return { decision, ingest };
    const escalation: MentionEvaluation = {
      mention,
      now: this.now,
      ticket: { priority: decision.priority, queue: decision.queue, status: 'open', firstResponseSent: false, escalatedTo: [], tags: decision.tags },
    };
    return { decision: mergeDecisions(decision, this.engine.escalate(escalation)), ingest, escalation };
  }
}

/** Mentions in the order the replay must see them (stable for equal times). */
export function inArrivalOrder<T extends { mention: Mention }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(a.mention.createdAt) - Date.parse(b.mention.createdAt));
}
