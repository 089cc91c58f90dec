// Volume windows across processes. Each process counts the mentions it ingests as they arrive (VolumeTracker);
// this adds the mentions other processes stored, read by `seq` on every scheduler pass, so a burst spread over
// several servers on one database still adds up to a burst (within one pass of lag).
import type { Mention } from '@mentionflow/engine';
import type { Services } from '../services.ts';

const keyOf = (channel: string, id: string) => `${channel}\u0000${id}`;
const READ_LIMIT = 5000;
/** Mentions this process counted but never saw stored (a failed commit) are forgotten after this long. */
const FORGET_MS = 3_600_000;

export class VolumeCatchUp {
  private cursor: number | undefined;
  private readonly local = new Map<string, number>();

  constructor(private readonly services: Pick<Services, 'database' | 'volumes'>) {}

  /** From the ingest hook: this process counted the mention itself. */
  countedHere(mention: Mention): void {
    this.local.set(keyOf(mention.channel, mention.id), performance.now());
  }

  /** Count in the mentions stored since the last call by other processes; answers how many. */
  async run(): Promise<number> {
    const { client } = this.services.database;
    if (this.cursor === undefined) {
      // Mentions stored before this process started were counted when the windows were seeded from storage.
      const start = await client.execute('SELECT coalesce(max(seq), 0) AS seq FROM mentions');
      this.cursor = Number(start.rows[0]?.seq ?? 0);
      return 0;
    }
    const rows = await client.execute({ sql: 'SELECT seq, channel, id, text, created_at FROM mentions WHERE seq > ? ORDER BY seq LIMIT ?', args: [this.cursor, READ_LIMIT] });
    let counted = 0;
    for (const row of rows.rows) {
      this.cursor = Number(row.seq);
      if (this.local.delete(keyOf(String(row.channel), String(row.id)))) continue;
      this.services.volumes.observe({ channel: String(row.channel), id: String(row.id), text: String(row.text), createdAt: new Date(Number(row.created_at)).toISOString() } as Mention);
      counted++;
    }
    const horizon = performance.now() - FORGET_MS;
    for (const [key, at] of this.local) if (at < horizon) this.local.delete(key);
    return counted;
  }
}
