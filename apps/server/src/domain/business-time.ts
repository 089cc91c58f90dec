// Business-hours answers for instants close together, worked out once per stretch of time. The engine's calendar
// arithmetic reads wall clocks through Intl (several µs a call, a dozen calls for a due time), and ingest asks for a
// due time and an expected response for nearly every mention, all of them within a few minutes of now.
import { addBusinessMinutes, isWithinBusinessHours, localParts, nextBusinessHoursChange, nextBusinessOpening, type LocalParts, type WorkingTime } from '@mentionflow/engine';

/**
 * Instants [from, to] over which an answer is `base` (slope 0) or `base + (t - from)` (slope 1). Due times are like
 * that: from a closed instant the due time is that of the next opening; from an open one it moves with the instant
 * until its shift closes or the due time reaches the end of the shift it falls in.
 */
interface Window {
  readonly from: number;
  readonly to: number;
  readonly base: number;
  readonly slope: 0 | 1;
}

const at = (window: Window | undefined, time: number): number | undefined =>
  window && time >= window.from && time <= window.to ? window.base + window.slope * (time - window.from) : undefined;

export class BusinessTime {
  private readonly due = new Map<number, Window>();
  private opening: Window | undefined;
  private readonly parts = new Map<number, LocalParts>();

  constructor(private readonly working: WorkingTime) {}

  /** As `addBusinessMinutes`, in epoch ms. */
  addMinutes(from: number, minutes: number): number | undefined {
    const known = at(this.due.get(minutes), from);
    if (known !== undefined) return known;
    const due = addBusinessMinutes(new Date(from), minutes, this.working)?.getTime();
    if (due === undefined || minutes === 0) return due;
    const window = this.dueWindow(from, due);
    if (window) this.due.set(minutes, window);
    return due;
  }

  /** As `nextBusinessOpening`: `at` itself when open, else the next opening (epoch ms). */
  nextOpening(time: number): number | undefined {
    const known = at(this.opening, time);
    if (known !== undefined) return known;
    const opening = nextBusinessOpening(new Date(time), this.working)?.getTime();
    if (opening === undefined) return undefined;
    if (opening > time) this.opening = { from: time, to: opening, base: opening, slope: 0 };
    else {
      const closing = nextBusinessHoursChange(new Date(time), this.working)?.getTime();
      if (closing !== undefined) this.opening = { from: time, to: closing - 1, base: time, slope: 1 };
    }
    return opening;
  }

  /** As `localParts` in the workspace time zone; the same within a minute (zone offsets are whole minutes). */
  localParts(time: number): LocalParts {
    const minute = Math.floor(time / 60_000);
    let parts = this.parts.get(minute);
    if (!parts) {
      if (this.parts.size >= 1_000) this.parts.clear();
      parts = localParts(new Date(minute * 60_000), this.working.timezone);
      this.parts.set(minute, parts);
    }
    return parts;
  }

  private dueWindow(from: number, due: number): Window | undefined {
    const open = isWithinBusinessHours(new Date(from), this.working);
    const change = nextBusinessHoursChange(new Date(from), this.working)?.getTime();
    if (change === undefined) return undefined;
    // Closed until `change` (the opening): every instant until then is due when the opening is.
    if (!open) return { from, to: change, base: due, slope: 0 };
    // Open until `change`: the due time moves with `from` while it stays inside the shift it falls in.
    const landingClose = isWithinBusinessHours(new Date(due), this.working) ? nextBusinessHoursChange(new Date(due), this.working)?.getTime() : due;
    if (landingClose === undefined) return undefined;
    return { from, to: Math.min(change - 1, from + (landingClose - due)), base: due, slope: 1 };
  }
}

const clocks = new WeakMap<WorkingTime, BusinessTime>();

/** The memo for these settings (a settings change brings a new settings object, hence a new memo). */
export function businessTime(working: WorkingTime): BusinessTime {
  let found = clocks.get(working);
  if (!found) {
    found = new BusinessTime(working);
    clocks.set(working, found);
  }
  return found;
}
