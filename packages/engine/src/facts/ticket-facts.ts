// Facts about the ticket a mention opened, read by escalation workflows.
import { PRIORITIES } from '../decision/priority.ts';
import { defineFact } from './fact-spec.ts';

export const ticketFacts = [
  defineFact({
    name: 'ticket.priority',
    type: 'enum',
    enumValues: PRIORITIES,
    label: 'Ticket priority',
    description: 'The ticket’s current priority, P1 (most urgent) to P4.',
    example: 'P2',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.ticket?.priority,
  }),
  defineFact({
    name: 'ticket.queue',
    type: 'string',
    label: 'Ticket queue',
    description: 'The queue the ticket sits in.',
    example: 'support',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.ticket?.queue ?? undefined,
  }),
  defineFact({
    name: 'ticket.status',
    type: 'enum',
    enumValues: ['open', 'resolved'],
    label: 'Ticket status',
    description: 'Whether the ticket is open or resolved.',
    example: 'open',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.ticket?.status,
  }),
  defineFact({
    name: 'ticket.escalatedTo',
    type: 'list',
    label: 'Escalated to',
    description: 'The roles or queues the ticket has already been escalated to.',
    example: ['supervisor'],
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.ticket?.escalatedTo ?? [],
  }),
  defineFact({
    name: 'ticket.tags',
    type: 'list',
    label: 'Ticket tags',
    description: 'The tags on the ticket.',
    example: ['vip'],
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.ticket?.tags ?? [],
  }),
];
