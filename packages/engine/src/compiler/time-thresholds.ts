// When escalation rules can change their answer as a ticket waits: the whole minutes of waiting at which a condition
// on `minutesWaiting` or `businessMinutesWaiting` flips, and whether opening hours (`businessHours.open`) matter.
// Hosts schedule a ticket's next check at the next crossing instead of polling; the engine still never reads a clock.
import type { CompiledWorkflow } from './compile-workflow.ts';
import type { RuleCondition } from './rule-json.ts';
import { calendarOf, type WorkingTime } from '../time/working-calendar.ts';

const MINUTE = 60_000;

export interface WaitingThresholds {
  /** Minutes waiting (plain) at which some condition may change value, ascending, each > 0. */
  readonly minutes: readonly number[];
  /** Business minutes waiting at which some condition may change value, ascending, each > 0. */
  readonly businessMinutes: readonly number[];
  /** Some condition reads `businessHours.open`: its value changes at every opening and closing. */
  readonly businessHours: boolean;
  /** False when a waiting fact is compared with something other than numbers (hosts then poll). */
  readonly exact: boolean;
}

const WAITING_FACTS = { minutesWaiting: 'minutes', businessMinutesWaiting: 'businessMinutes' } as const;

/**
 * The crossing points of every condition on waiting time in these workflows (bound parameters included).
 * @example waitingThresholds(slaWorkflows).minutes // [16, 31]: `minutesWaiting > 15` and `> 30` for P1
 */
export function waitingThresholds(workflows: readonly CompiledWorkflow[]): WaitingThresholds {
  const marks = { minutes: new Set<number>(), businessMinutes: new Set<number>() };
  let businessHours = false;
  let exact = true;
  const visit = (condition: RuleCondition): void => {
    if ('fact' in condition) {
      if (condition.fact === 'businessHours.open') businessHours = true;
      const scale = WAITING_FACTS[condition.fact as keyof typeof WAITING_FACTS];
      if (!scale) return;
      const found = crossings(condition.operator, condition.value);
      if (found === undefined) exact = false;
      else for (const mark of found) if (mark > 0) marks[scale].add(mark);
    } else if ('not' in condition) visit(condition.not);
    else ('all' in condition ? condition.all : condition.any).forEach(visit);
  };
  for (const workflow of workflows) for (const rule of workflow.rules) visit(rule.conditions);
  const ascending = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { minutes: ascending(marks.minutes), businessMinutes: ascending(marks.businessMinutes), businessHours, exact };
}

/** Whole-minute values n at which `n <operator> value` may change; undefined when the value is not numeric. */
function crossings(operator: string, value: unknown): number[] | undefined {
  if (Array.isArray(value)) {
    if (!value.every((entry) => typeof entry === 'number' && Number.isFinite(entry))) return undefined;
    return (value as number[]).flatMap((entry) => (Number.isInteger(entry) ? [entry, entry + 1] : []));
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  switch (operator) {
    case 'greaterThan':
    case 'lessThanInclusive':
      return [Math.floor(value) + 1];
    case 'greaterThanInclusive':
    case 'lessThan':
      return [Math.ceil(value)];
    case 'equal':
    case 'notEqual':
      return Number.isInteger(value) ? [value, value + 1] : [];
    default:
      return [Math.ceil(value), Math.floor(value) + 1];
  }
}

export interface WaitingClock {
  /** When the mention arrived (what waiting is counted from). */
  readonly createdAt: Date;
  readonly now: Date;
  /** The workspace's working time; a `WorkingCalendar` the host keeps makes repeated calls cheap. */
  readonly working: WorkingTime;
}

/**
 * The first instant after `now` at which a waiting threshold is crossed or opening hours change; undefined when
 * nothing time-dependent is left to cross. Thresholds in business minutes are placed with `addBusinessMinutes`.
 */
export function nextWaitingCheck(thresholds: WaitingThresholds, clock: WaitingClock): Date | undefined {
  const now = clock.now.getTime();
  const created = clock.createdAt.getTime();
  let next = Infinity;
  for (const mark of thresholds.minutes) {
    const at = created + mark * MINUTE;
    if (at > now) {
      next = at;
      break;
    }
  }
  // One calendar for the three questions below: they read the same few days.
  const calendar = calendarOf(clock.working);
  // One count of the business minutes so far, then one walk to the next mark.
  const waited = thresholds.businessMinutes.length > 0 && now >= created ? calendar.businessMinutesBetween(created, now) : 0;
  const mark = thresholds.businessMinutes.find((candidate) => candidate > waited);
  const at = mark === undefined ? undefined : calendar.addBusinessMinutes(created, mark);
  if (at !== undefined && at > now) next = Math.min(next, at);
  if (thresholds.businessHours) {
    const change = calendar.nextChange(now);
    if (change !== undefined) next = Math.min(next, change);
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}

/** The next opening when closed, the closing of the current shift when open; undefined when that never happens. */
export function nextBusinessHoursChange(at: Date, working: WorkingTime): Date | undefined {
  const change = calendarOf(working).nextChange(at.getTime());
  return change === undefined ? undefined : new Date(change);
}
