// An agent asking whether they may grant a remedy: the subject of empowerment workflows.
import { z } from 'zod';
import { CustomerTierSchema } from '../mention/mention-schema.ts';

export const AGENT_TIERS = ['agent', 'senior', 'supervisor', 'manager'] as const;
export const AgentTierSchema = z.enum(AGENT_TIERS);
export type AgentTier = z.infer<typeof AgentTierSchema>;

export const REMEDIES = ['refund', 'voucher', 'upgrade', 'replacement', 'policy_exception'] as const;
export const RemedySchema = z.enum(REMEDIES);

export const EmpowermentRequestSchema = z.strictObject({
  id: z.string().min(1).max(200),
  agentTier: AgentTierSchema,
  remedy: RemedySchema,
  amount: z.number().nonnegative().max(1e9),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as "EUR"'),
  customerTier: CustomerTierSchema.default('standard'),
});
export type EmpowermentRequest = z.infer<typeof EmpowermentRequestSchema>;

/** Rank of an agent tier: a higher rank may approve what a lower one may not. */
export function agentTierRank(tier: string): number {
  return AGENT_TIERS.indexOf(tier as AgentTier) + 1;
}
