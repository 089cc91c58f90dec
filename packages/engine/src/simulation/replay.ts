// Replays a stream of mentions in time order the way the live server sees them: volume windows fill and drain,
// incidents open once per topic and stay open. Time comes only from the mentions (and an optional `now`).
import type { MentionEvaluation, RuleEngine } from '../rule-engine.ts';
import type { Mention } from '../mention/mention-schema.ts';
import type { Decision } from '../decision/decision-schema.ts';
import { mergeDecisions } from '../decision/merge-decisions.ts';
import { VolumeWindows } from './volume-windows.ts';

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

/**
 * One rule set's part of a replay: its incidents, and its own windows among the stream's `VolumeWindows` (which
 * the caller advances, once per mention, before stepping each part).
 */
export class ReplayedRules {
  private readonly incidents = new Set<string>();
  /** The open incidents as an array, made again only when one opens (steps share it; nothing mutates it). */
  private incidentList: readonly string[] = [];
  private readonly positions: readonly number[];
  private readonly now: string | undefined;
  private readonly nowTime: number;

  constructor(
    private readonly engine: RuleEngine,
    private readonly windows: VolumeWindows,
    options: ReplayOptions,
  ) {
    this.positions = windows.track(engine.volumeQueries());
    this.now = options.now;
    this.nowTime = options.now === undefined ? Number.NaN : Date.parse(options.now);
  }

  get openIncidents(): readonly string[] {
    return [...this.incidents];
  }

  /** Decide `mention` (arrived at `at`, already counted in the windows). */
  step(mention: Mention, at: number): ReplayStep {
    const ingest: MentionEvaluation = { mention, volumes: this.windows.volumes(this.positions), openIncidents: this.incidentList };
    const decision = this.engine.decide(ingest);
    for (const action of decision.actions) {
      if (action.type === 'open_incident' && !this.incidents.has(action.topic as string)) {
        this.incidents.add(action.topic as string);
        this.incidentList = [...this.incidents];
      }
    }
    if (this.now === undefined || mention.firstResponseAt !== undefined || this.nowTime < at) return { decision, ingest };
    const escalation: MentionEvaluation = {
      mention,
      now: this.now,
      ticket: { priority: decision.priority, queue: decision.queue, status: 'open', firstResponseSent: false, escalatedTo: [], tags: decision.tags },
    };
    return { decision: mergeDecisions(decision, this.engine.escalate(escalation)), ingest, escalation };
  }
}

export class Replay {
  private readonly windows = new VolumeWindows();
  private readonly rules: ReplayedRules;

  constructor(engine: RuleEngine, options: ReplayOptions = {}) {
    this.rules = new ReplayedRules(engine, this.windows, options);
  }

  /** Topics with an open incident, as the replay has opened them. */
  get openIncidents(): readonly string[] {
    return this.rules.openIncidents;
  }

  /** Decide one mention; call in createdAt order. */
  ingest(mention: Mention): Decision {
    return this.step(mention).decision;
  }

  /** Like `ingest`, but also returns the evaluations it ran, so a host can explain the same decision. */
  step(mention: Mention): ReplayStep {
    const at = Date.parse(mention.createdAt);
    this.windows.add(mention, at);
    return this.rules.step(mention, at);
  }
}

/** Mentions in the order the replay must see them (stable for equal times). */
export function inArrivalOrder<T extends { mention: Mention }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Date.parse(a.mention.createdAt) - Date.parse(b.mention.createdAt));
}
