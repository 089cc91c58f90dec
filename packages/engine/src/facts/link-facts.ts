// Facts about links in the text: link farms and promotions carry many of them.
import { defineFact } from './fact-spec.ts';

/** Linear: a scheme or www. prefix followed by non-space characters; no nested quantifiers. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;

export const linkFacts = [
  defineFact({
    name: 'links.count',
    type: 'number',
    label: 'Number of links',
    description: 'How many web links (http://, https://, www.) the text contains.',
    example: 3,
    subject: 'mention',
    derived: true,
    resolve: (scope) => scope.mentionInput.mention.text.match(LINK)?.length ?? 0,
  }),
];
