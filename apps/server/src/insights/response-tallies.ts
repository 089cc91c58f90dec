// Response-time figures counted in JavaScript from packed tickets (response-days.ts): how many tickets each tally
// has, its median and 90th percentile (nearest rank), and SLA outcomes per priority. A 90-day range holds a million
// tickets: they are counted and sorted by group (channel × queue × priority) and time in a few passes over typed arrays,
// then a tally's ranks are found by a binary search on the time over the sorted runs of its groups.
import { PRIORITIES } from '@mentionflow/engine';
import { PACKED_BYTES } from './response-days.ts';
import { CHANNEL_UNIT, type GroupFilter } from './ticket-sql.ts';

/** A group code's channel: its bits from this one up. */
const CHANNEL_BITS = Math.log2(CHANNEL_UNIT);

/** Beyond this many tenths of a minute (about 290 days), sort instead of counting. */
const COUNTING_LIMIT = 2 ** 22;

/**
 * The tallies: 0 overall, then one per channel, queue and priority, by code. A ticket's group (channel × queue ×
 * priority, a few hundred at most) adds to one tally of each kind.
 */
export class ResponseTallies {
  readonly channelAt = 1;
  readonly queueAt: number;
  readonly priorityAt: number;
  /** Per tally: whether any ticket (answered or not) is in it, how many were answered, and their median and p90 in tenths. */
  readonly present: Uint8Array;
  readonly counts: Float64Array;
  readonly medians: Float64Array;
  readonly p90s: Float64Array;
  /** Per priority: tickets answered by their due time, and tickets answered after it or past it unanswered. */
  readonly within = new Float64Array(PRIORITIES.length);
  readonly breached = new Float64Array(PRIORITIES.length);
  private readonly perChannel: number;
  /** Per group, its 4 tallies. */
  private readonly tallyOf: Int32Array;

  constructor(channels: number, queues: number) {
    this.queueAt = this.channelAt + channels;
    this.priorityAt = this.queueAt + queues;
    const size = this.priorityAt + PRIORITIES.length;
    [this.present, this.counts, this.medians, this.p90s] = [new Uint8Array(size), new Float64Array(size), new Float64Array(size), new Float64Array(size)];
    this.perChannel = Math.max(1, queues) * 4;
    this.tallyOf = new Int32Array(Math.max(1, channels) * this.perChannel * 4);
    for (let group = 0; group < this.tallyOf.length / 4; group++) {
      const priority = group % 4;
      this.tallyOf.set([0, this.channelAt + Math.floor(group / this.perChannel), this.queueAt + ((group % this.perChannel) - priority) / 4, this.priorityAt + priority], group * 4);
    }
  }

  /**
   * Counts the tickets the filter keeps: `answered` packed (response-days.ts), `unanswered` as group code × 4 + SLA
   * outcome (2 breached, else 0). Call once.
   */
  count(filter: GroupFilter, answered: readonly Uint8Array[], unanswered: Float64Array): void {
    const groupCount = this.tallyOf.length / 4;
    const keeps = keeperOf(filter);
    const { tenths, groups, counts, present, longest } = answeredByGroup(answered, keeps, this.perChannel, groupCount, this.within, this.breached);
    for (const value of unanswered) {
      const code = Math.floor(value / 4);
      if (!keeps(code)) continue;
      present[(code >>> CHANNEL_BITS) * this.perChannel + (code & (CHANNEL_UNIT - 1))] = 1;
      if (value % 4 === 2) this.breached[code & 3]!++;
    }
    const members: number[][] = Array.from({ length: this.counts.length }, () => []);
    for (let group = 0; group < groupCount; group++) {
      if (!present[group]) continue;
      for (let k = group * 4; k < group * 4 + 4; k++) {
        this.present[this.tallyOf[k]!] = 1;
        this.counts[this.tallyOf[k]!]! += counts[group]!;
        members[this.tallyOf[k]!]!.push(group);
      }
    }
    const byGroup = byGroupInTimeOrder(tenths, groups, counts, longest);
    for (let tally = 0; tally < this.counts.length; tally++) {
      if (this.counts[tally] === 0) continue;
      const runs = members[tally]!.map((group) => [byGroup.starts[group]!, byGroup.starts[group + 1]!] as const);
      this.medians[tally] = nearestRank(byGroup.tenths, runs, Math.ceil(this.counts[tally]! * 0.5), longest);
      this.p90s[tally] = nearestRank(byGroup.tenths, runs, Math.ceil(this.counts[tally]! * 0.9), longest);
    }
  }
}

/** Whether a group code passes the filter. */
function keeperOf(filter: GroupFilter): (code: number) => boolean {
  const channel = filter.channel ?? -1;
  const queue = filter.queue ?? -1;
  return (code) => (channel < 0 || code >>> CHANNEL_BITS === channel) && (queue < 0 || (code & (CHANNEL_UNIT - 1)) >>> 2 === queue);
}

/**
 * The answered tickets of packed chunks the filter keeps: time in tenths and group of each, tickets per group, the
 * groups present, the longest time; adds their SLA outcomes to `within` and `breached` (per priority).
 */
function answeredByGroup(chunks: readonly Uint8Array[], keeps: (code: number) => boolean, perChannel: number, groupCount: number, within: Float64Array, breached: Float64Array) {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength / PACKED_BYTES, 0);
  const tenths = new Uint32Array(total);
  const groups = new Int32Array(total);
  const counts = new Int32Array(groupCount);
  const present = new Uint8Array(groupCount);
  let n = 0;
  let longest = 0;
  for (const chunk of chunks) {
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let at = 0; at < chunk.byteLength; at += PACKED_BYTES) {
      const code = view.getUint32(at + 4);
      if (!keeps(code)) continue;
      const packed = view.getUint32(at);
      const time = packed >>> 2;
      const group = (code >>> CHANNEL_BITS) * perChannel + (code & (CHANNEL_UNIT - 1));
      if ((packed & 3) === 1) within[code & 3]!++;
      else if ((packed & 3) === 2) breached[code & 3]!++;
      counts[group]!++;
      tenths[n] = time;
      groups[n++] = group;
      if (time > longest) longest = time;
    }
  }
  for (let group = 0; group < groupCount; group++) if (counts[group]! > 0) present[group] = 1;
  return { tenths: tenths.subarray(0, n), groups: groups.subarray(0, n), counts, present, longest };
}

/**
 * The times of each group's answered tickets in ascending order, group after group (group g's run is
 * [starts[g], starts[g + 1])). Two counting sorts, on the time and then (keeping that order) on the group: a million
 * tickets sort in a few passes, where a comparison sort takes several times as long.
 */
function byGroupInTimeOrder(tenths: Uint32Array, groups: Int32Array, counts: Int32Array, longest: number): { tenths: Uint32Array; starts: Uint32Array } {
  const n = tenths.length;
  const starts = new Uint32Array(counts.length + 1);
  for (let group = 0; group < counts.length; group++) starts[group + 1] = starts[group]! + counts[group]!;
  const sorted = new Uint32Array(n);
  const next = starts.slice(0, counts.length);
  if (longest > COUNTING_LIMIT) {
    // Sort on (group, time) at once.
    const keys = new Float64Array(n);
    for (let index = 0; index < n; index++) keys[index] = groups[index]! * (longest + 1) + tenths[index]!;
    keys.sort();
    for (let index = 0; index < n; index++) sorted[index] = keys[index]! % (longest + 1);
    return { tenths: sorted, starts };
  }
  const at = new Uint32Array(longest + 2);
  for (let index = 0; index < n; index++) at[tenths[index]! + 1]!++;
  for (let time = 1; time <= longest + 1; time++) at[time]! += at[time - 1]!;
  const inTime = { tenths: new Uint32Array(n), groups: new Int32Array(n) };
  for (let index = 0; index < n; index++) {
    const rank = at[tenths[index]!]!++;
    inTime.tenths[rank] = tenths[index]!;
    inTime.groups[rank] = groups[index]!;
  }
  for (let rank = 0; rank < n; rank++) sorted[next[inTime.groups[rank]!]!++] = inTime.tenths[rank]!;
  return { tenths: sorted, starts };
}

/** The smallest time with at least `rank` of the runs' times at or below it: a binary search on the time. */
function nearestRank(sorted: Uint32Array, runs: readonly (readonly [number, number])[], rank: number, longest: number): number {
  let [low, high] = [0, longest];
  while (low < high) {
    const middle = (low + high) >>> 1;
    let atOrBelow = 0;
    for (const [start, end] of runs) {
      let [first, last] = [start, end];
      while (first < last) {
        const probe = (first + last) >>> 1;
        if (sorted[probe]! <= middle) first = probe + 1;
        else last = probe;
      }
      atOrBelow += first - start;
    }
    if (atOrBelow >= rank) high = middle;
    else low = middle + 1;
  }
  return low;
}
