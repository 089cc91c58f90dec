// What the host hands the engine for one evaluation. The engine never reads the clock: `now` comes from here.
import type { Mention } from '../mention/mention-schema.ts';
import type { Settings } from '../mention/settings-schema.ts';
import type { TicketState } from './ticket-schema.ts';
import type { EmpowermentRequest } from './empowerment-request-schema.ts';

export type MentionEvent = 'mention' | 'ticket_resolved';

/** A mention being routed, escalated or followed up. */
export interface MentionInput {
  readonly subject: 'mention';
  readonly mention: Mention;
  readonly settings: Settings;
  /** The host's current time (ISO 8601); defaults to the mention's createdAt. */
  readonly now?: string;
  /** Counts of recent matching mentions, keyed by `volumeKey(query)`; the host computes them. */
  readonly volumes?: Readonly<Record<string, number>>;
  /** Topics that currently have an open incident. */
  readonly openIncidents?: readonly string[];
  /** Present when escalation workflows look at the mention's ticket. */
  readonly ticket?: TicketState;
  readonly event?: MentionEvent;
}

/** An agent's empowerment request. */
export interface RequestInput {
  readonly subject: 'request';
  readonly request: EmpowermentRequest;
  readonly settings: Settings;
}

export type EvaluationInput = MentionInput | RequestInput;
