// When escalation rules can change their answer as a ticket waits: the whole minutes of waiting at which a condition
// on `minutesWaiting` or `businessMinutesWaiting` flips, and whether opening hours (`businessHours.open`) matter.
// Hosts schedule a ticket's next check at the next crossing instead of polling; the engine still never reads a clock.
import type { CompiledWorkflow } from './compile-workflow.ts';
import type { RuleCondition } from './rule-json.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isWithinBusinessHours,
  localParts,
  nextBusinessOpening,
  type WorkingTime,
} from '../time/business-hours.ts';

const MINUTE = 60_000;
// A weekly schedule always closes within a week; two more days cover DST and overnight shifts.
const CLOSING_SEARCH_MINUTES = 9 * 1_440;

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
  // One count of the business minutes so far, then one walk to the next mark (each walk costs a time-zone lookup).
  const waited = thresholds.businessMinutes.length > 0 && now >= created ? businessMinutesBetween(clock.createdAt, clock.now, clock.working) : 0;
  const mark = thresholds.businessMinutes.find((candidate) => candidate > waited);
  const at = mark === undefined ? undefined : addBusinessMinutes(clock.createdAt, mark, clock.working)?.getTime();
  if (at !== undefined && at > now) next = Math.min(next, at);
  if (thresholds.businessHours) {
    const change = nextBusinessHoursChange(clock.now, clock.working);
    if (change) next = Math.min(next, change.getTime());
  }
  return Number.isFinite(next) ? new Date(next) : undefined;
}

/** The next opening when closed, the closing of the current shift when open; undefined when that never happens. */
export function nextBusinessHoursChange(at: Date, working: WorkingTime): Date | undefined {
  if (!isWithinBusinessHours(at, working)) return nextBusinessOpening(at, working);
  // Shifts open and close on whole local minutes. The wall clock says when today's shift ends; a DST change inside
  // the shift moves that instant, so the guess is checked and, if wrong, the closing is searched for.
  const start = Math.floor(at.getTime() / MINUTE) * MINUTE;
  const guess = start + minutesToClosing(at, working) * MINUTE;
  const open = (time: number) => isWithinBusinessHours(new Date(time), working);
  if (guess > at.getTime() && open(guess - MINUTE) && !open(guess)) return new Date(guess);
  return searchClosing(start, working);
}

function minutesToClosing(at: Date, working: WorkingTime): number {
  const clock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const open = clock(working.businessHours.start);
  const close = clock(working.businessHours.end);
  const { minuteOfDay } = localParts(at, working.timezone);
  if (close > open) return close - minuteOfDay;
  return minuteOfDay >= open ? close + 1_440 - minuteOfDay : close - minuteOfDay;
}

// From the minute `start`, the shift is open for K whole minutes, where K + 1 is the first k whose k minutes hold
// fewer than k business minutes (monotone in k).
function searchClosing(start: number, working: WorkingTime): Date | undefined {
  const held = (k: number) => businessMinutesBetween(new Date(start), new Date(start + k * MINUTE), working) >= k;
  if (held(CLOSING_SEARCH_MINUTES)) return undefined;
  let low = 1;
  let high = CLOSING_SEARCH_MINUTES;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (held(middle)) low = middle + 1;
    else high = middle;
  }
  return new Date(start + (low - 1) * MINUTE);
}
