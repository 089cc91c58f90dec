// Facts worked out from the text: sentiment, personal data, and whether the brand is named.
import { findPii, piiKinds, type PiiFinding, type PiiKind } from '../text/pii.ts';
import { sentimentScore } from '../text/sentiment.ts';
import { languageOfWords } from '../text/function-words.ts';
import { defineFact, type FactSpec } from './fact-spec.ts';
import type { FactScope } from './fact-scope.ts';

const PII_KINDS: readonly PiiKind[] = ['email', 'phone', 'card', 'iban', 'order_number'];

function piiFindings(scope: FactScope): readonly PiiFinding[] {
  return scope.get('pii.findings') as PiiFinding[];
}

function piiKindFact(name: string, kind: PiiKind, label: string, description: string): FactSpec {
  return defineFact({
    name,
    type: 'boolean',
    label,
    description,
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => (scope.get('pii.kinds') as PiiKind[]).includes(kind),
  });
}

export const textAnalysisFacts = [
  defineFact({
    name: 'sentiment',
    type: 'number',
    label: 'Sentiment',
    description: 'How positive the text is, from -1 (very negative) to 1 (very positive), read with the lexicon of the mention’s language.',
    example: -0.72,
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      // The lexicon needs a language, not a detector's verdict: the given language, else the function words
      // (one telling word is enough to pick a lexicon), else all five lexicons merged — never the slow n-grams.
      const { mention } = scope.mentionInput;
      const form = scope.textForm(mention.text);
      const language = mention.lang?.split('-')[0] ?? languageOfWords(form.tokens, 1) ?? 'und';
      const score = sentimentScore(mention.text, language, form.clauses);
      return Math.round(score * 1000) / 1000;
    },
  }),
  defineFact({
    name: 'pii.findings',
    type: 'list',
    label: 'Personal data found',
    description: 'Every piece of personal data found in the text (internal: use the pii facts in rules).',
    example: [],
    subject: 'mention',
    derived: false,
    resolve: (scope) => {
      const { mention } = scope.mentionInput;
      return findPii(mention.text);
    },
  }),
  defineFact({
    name: 'pii.kinds',
    type: 'list',
    enumValues: PII_KINDS,
    label: 'Kinds of personal data',
    description: 'The kinds of personal data in the text: email, phone, card (passes Luhn), iban (valid checksum), order_number.',
    example: ['card'],
    subject: 'mention',
    derived: true,
    resolve: (scope) => piiKinds(piiFindings(scope)),
  }),
  defineFact({
    name: 'pii.any',
    type: 'boolean',
    label: 'Contains personal data',
    description: 'The text contains an email, phone number, card number, IBAN or order/account number.',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => (scope.get('pii.kinds') as PiiKind[]).length > 0,
  }),
  piiKindFact('pii.email', 'email', 'Contains an email address', 'The text contains an email address.'),
  piiKindFact('pii.phone', 'phone', 'Contains a phone number', 'The text contains a valid phone number (international or national format).'),
  piiKindFact('pii.card', 'card', 'Contains a card number', 'The text contains a payment card number that passes the Luhn check.'),
  piiKindFact('pii.iban', 'iban', 'Contains an IBAN', 'The text contains an IBAN with a valid checksum.'),
  piiKindFact('pii.orderNumber', 'order_number', 'Contains an order or account number', 'The text contains an order, booking or account reference.'),
  defineFact({
    name: 'brand.mention',
    type: 'enum',
    enumValues: ['handle', 'hashtag', 'name', 'none'],
    label: 'How the brand is mentioned',
    description: 'handle (@brand), hashtag (#brand), name (the brand named without either — most customers never tag), or none.',
    example: 'name',
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const text = scope.mentionInput.mention.text;
      return scope.workspace.brandMention(text, scope.textForm(text).normalized);
    },
  }),
  defineFact({
    name: 'brand.mentioned',
    type: 'boolean',
    label: 'Brand mentioned',
    description: 'The text names the brand in any way: @handle, #hashtag or plain name.',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => scope.get('brand.mention') !== 'none',
  }),
  defineFact({
    name: 'brand.indirect',
    type: 'boolean',
    label: 'Brand named without tagging',
    description: 'The brand is named in the text but without its @handle or #hashtag.',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => scope.get('brand.mention') === 'name',
  }),
];
