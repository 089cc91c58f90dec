// A sliding-window volume query: which recent mentions count toward a spike. Hosts answer these; the engine stays clock-free.
import { z } from 'zod';
import { ChannelSchema, type Mention } from '../mention/mention-schema.ts';
import { TermListSchema, compileTerms, textContainsTerms } from '../text/terms.ts';
import type { TextForm } from '../operators/operator-spec.ts';
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

/**
 * The same test as `mentionMatchesVolumeQuery`, with the query's terms compiled once: for hosts that test every
 * arriving mention against every window (pass the mention's shared text form).
 */
export function compileVolumeQuery(query: VolumeQuery): (channel: string, form: () => TextForm) => boolean {
  const terms = query.terms ? compileTerms(query.terms) : undefined;
  return (channel, form) => {
    if (query.channel && channel !== query.channel) return false;
    if (!terms) return true;
    const { normalized, tokens } = form();
    return terms.matches(normalized, tokens);
  };
}
