// Facts about who wrote the mention: reach and verification.
import { defineFact } from './fact-spec.ts';

export const authorFacts = [
  defineFact({
    name: 'author.handle',
    type: 'string',
    label: 'Author handle',
    description: "The author's handle on the platform.",
    example: '@jane_doe',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.author.handle,
  }),
  defineFact({
    name: 'author.followers',
    type: 'number',
    label: 'Author followers',
    description: 'How many followers the author has (0 when unknown).',
    example: 12500,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.author.followers ?? 0,
  }),
  defineFact({
    name: 'author.verified',
    type: 'boolean',
    label: 'Author verified',
    description: 'The platform shows the author as verified.',
    example: false,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.author.verified ?? false,
  }),
];
