// A sliding-window volume query: which recent mentions count toward a spike. Hosts answer these; the engine stays clock-free.
import { z } from 'zod';
import { ChannelSchema, type Mention } from '../mention/mention-schema.ts';
import { TermListSchema, textContainsTerms } from '../text/terms.ts';
import { canonicalHash } from './canonical-key.ts';

export const VolumeQuerySchema = z.strictObject({
  windowMinutes: z.number().int().min(1).max(7 * 24 * 60),
  terms: TermListSchema.optional(),
  channel: ChannelSchema.optional(),
});
export type VolumeQuery = z.infer<typeof VolumeQuerySchema>;

/** The key under which a host supplies the count for a query (canonical: key order does not matter). */
export function volumeKey(query: VolumeQuery): string {
  return `volume#${canonicalHash(query)}`;
}

/** Does a stored mention count toward this query (window aside, which the host checks by time)? */
export function mentionMatchesVolumeQuery(mention: Pick<Mention, 'text' | 'channel'>, query: VolumeQuery): boolean {
  if (query.channel && mention.channel !== query.channel) return false;
  return query.terms ? textContainsTerms(mention.text, query.terms) : true;
}
