// Facts about the customer behind the mention, as the host's CRM knows them.
import { CHANNELS, CUSTOMER_TIERS } from '../mention/mention-schema.ts';
import { defineFact } from './fact-spec.ts';

const MINUTE = 60_000;

export const customerFacts = [
  defineFact({
    name: 'customer.tier',
    type: 'enum',
    enumValues: CUSTOMER_TIERS,
    label: 'Customer tier',
    description: 'The customer’s loyalty tier (standard when unknown).',
    example: 'gold',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.customer?.tier ?? 'standard',
  }),
  defineFact({
    name: 'customer.isVip',
    type: 'boolean',
    label: 'VIP customer',
    description: 'The customer’s tier is vip.',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => scope.mentionInput.mention.customer?.tier === 'vip',
  }),
  defineFact({
    name: 'customer.lifetimeValue',
    type: 'number',
    label: 'Customer lifetime value',
    description: 'What the customer has spent with the brand, in the workspace currency (0 when unknown).',
    example: 2400,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.customer?.lifetimeValue ?? 0,
  }),
  defineFact({
    name: 'customer.openTickets',
    type: 'number',
    label: 'Customer open tickets',
    description: 'How many tickets the customer already has open.',
    example: 1,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.customer?.openTickets ?? 0,
  }),
  defineFact({
    name: 'customer.lastContactChannel',
    type: 'enum',
    enumValues: CHANNELS,
    label: 'Channel of last contact',
    description: 'The channel the customer last contacted the brand on.',
    example: 'messenger',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.customer?.lastContactChannel,
  }),
  defineFact({
    name: 'customer.minutesSinceLastContact',
    type: 'number',
    label: 'Minutes since last contact',
    description: 'Minutes between the customer’s last contact (any channel) and this mention.',
    example: 90,
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const { mention } = scope.mentionInput;
      const last = mention.customer?.lastContactAt;
      if (!last) return undefined;
      return Math.max(0, Math.floor((Date.parse(mention.createdAt) - Date.parse(last)) / MINUTE));
    },
  }),
  defineFact({
    name: 'customer.minutesSinceContactElsewhere',
    type: 'number',
    label: 'Minutes since contact on another channel',
    description: 'Minutes since the customer last contacted the brand on a different channel; unknown when there was none.',
    example: 180,
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const { mention } = scope.mentionInput;
      const channel = mention.customer?.lastContactChannel;
      if (!channel || channel === mention.channel) return undefined;
      return scope.get('customer.minutesSinceLastContact');
    },
  }),
];
