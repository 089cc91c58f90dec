// Facts about the conversation thread the mention belongs to.
import { defineFact } from './fact-spec.ts';

export const conversationFacts = [
  defineFact({
    name: 'conversation.brandReplies',
    type: 'number',
    label: 'Brand replies in conversation',
    description: 'How many times the brand has already replied in this conversation.',
    example: 2,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.brandRepliesInConversation ?? 0,
  }),
  defineFact({
    name: 'conversation.customerMessages',
    type: 'number',
    label: 'Customer messages in conversation',
    description: 'How many messages the customer has written in this conversation, this one included.',
    example: 3,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.customerMessagesInConversation ?? 1,
  }),
];
