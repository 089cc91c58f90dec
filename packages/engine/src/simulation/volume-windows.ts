// The volume windows of a replayed stream: for each query, the arrival times of matching mentions still inside it.
// One set can serve several rule sets replaying the same stream (a comparison's two sides): the counts depend only
// on the mentions, so each mention is tested against each distinct query once.
import type { Mention } from '../mention/mention-schema.ts';
import { compileVolumeQuery, volumeKey, type VolumeQuery } from '../facts/volume-query.ts';
import type { TextForm } from '../operators/operator-spec.ts';
import { TextForms } from '../text/text-forms.ts';

const MINUTE = 60_000;
/** Drained arrivals are dropped from the front of the list in one go once there are this many (and half of it). */
const COMPACT_AFTER = 1024;

interface VolumeWindow {
  readonly key: string;
  readonly span: number;
  /** The query's test with its terms compiled once (every mention meets every window). */
  readonly matches: ReturnType<typeof compileVolumeQuery>;
  /** Arrival times of matching mentions, oldest first; those before `head` have left the window. */
  readonly arrivals: number[];
  head: number;
}

export class VolumeWindows {
  private readonly windows: VolumeWindow[] = [];
  /** Window positions by the query's JSON (as `RuleEngine.volumeQueries` tells queries apart). */
  private readonly positions = new Map<string, number>();

  /** Windows for `queries` (the ones already kept are shared); returns their positions, in the order given. */
  track(queries: readonly VolumeQuery[]): number[] {
    return queries.map((query) => {
      const id = JSON.stringify(query);
      let position = this.positions.get(id);
      if (position === undefined) {
        position = this.windows.push({ key: volumeKey(query), span: query.windowMinutes * MINUTE, matches: compileVolumeQuery(query), arrivals: [], head: 0 }) - 1;
        this.positions.set(id, position);
      }
      return position;
    });
  }

  /** Count `mention`, arrived at `at`, in the windows it matches and let older arrivals leave; once per mention. */
  add(mention: Mention, at: number): void {
    if (this.windows.length === 0) return;
    let form: TextForm | undefined;
    const formOf = (): TextForm => (form ??= new TextForms().of(mention.text));
    for (const window of this.windows) {
      const { arrivals } = window;
      if (window.matches(mention.channel, formOf)) arrivals.push(at);
      const since = at - window.span;
      let head = window.head;
      while (head < arrivals.length && arrivals[head]! <= since) head++;
      if (head >= COMPACT_AFTER && head * 2 >= arrivals.length) {
        arrivals.splice(0, head);
        head = 0;
      }
      window.head = head;
    }
  }

  /** The counts a host supplies as `volumes`, for the windows at `positions`. */
  volumes(positions: readonly number[]): Record<string, number> {
    const volumes: Record<string, number> = {};
    for (const position of positions) {
      const window = this.windows[position]!;
      volumes[window.key] = window.arrivals.length - window.head;
    }
    return volumes;
  }
}
