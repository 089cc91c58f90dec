// The mention as it enters Mentionflow: declared once here, shared by server, CLI, editor and packs.
import { z } from 'zod';

export const CHANNELS = ['x', 'facebook', 'instagram', 'messenger', 'whatsapp', 'review', 'email', 'chat'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const MENTION_KINDS = ['post', 'comment', 'reply', 'quote', 'direct_message', 'review'] as const;
export const MentionKindSchema = z.enum(MENTION_KINDS);
export type MentionKind = z.infer<typeof MentionKindSchema>;

export const CUSTOMER_TIERS = ['standard', 'silver', 'gold', 'vip'] as const;
export const CustomerTierSchema = z.enum(CUSTOMER_TIERS);

const isoDateTime = z.iso.datetime({ offset: true });
// SQLite keeps a NUL inside a text value but reads it back cut short there, so a mention's strings may not hold one.
const shortText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'must not contain the NUL character');

export const AuthorSchema = z.strictObject({
  handle: shortText(200).min(1),
  name: shortText(200).optional(),
  followers: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
});

export const CustomerSchema = z.strictObject({
  id: shortText(200).min(1),
  tier: CustomerTierSchema.optional(),
  lifetimeValue: z.number().nonnegative().optional(),
  openTickets: z.number().int().nonnegative().optional(),
  lastContactAt: isoDateTime.optional(),
  lastContactChannel: ChannelSchema.optional(),
});

/** Limits that keep one mention bounded; hostile input gets a clear error, never a slow path. */
export const MENTION_TEXT_MAX = 20_000;

/** Follow-up tickets are stored as mentions with the original's id plus this suffix; platforms never send it. */
export const FOLLOW_UP_ID_SUFFIX = /~follow-up-\d+$/;

export const MentionSchema = z.strictObject({
  id: shortText(200)
    .min(1)
    .refine((id) => !FOLLOW_UP_ID_SUFFIX.test(id), 'ids ending in ~follow-up-<number> are reserved for follow-up tickets'),
  channel: ChannelSchema,
  kind: MentionKindSchema,
  text: shortText(MENTION_TEXT_MAX),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language code such as "en" or "fr-CA"').optional(),
  createdAt: isoDateTime,
  author: AuthorSchema,
  customer: CustomerSchema.optional(),
  conversationId: shortText(200).optional(),
  brandRepliesInConversation: z.number().int().nonnegative().optional(),
  customerMessagesInConversation: z.number().int().nonnegative().optional(),
  rating: z.number().min(1).max(5).optional(),
  firstResponseAt: isoDateTime.optional(),
});

export type Mention = z.infer<typeof MentionSchema>;
export type Author = z.infer<typeof AuthorSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
