// Facts read from the mention itself: where it came from, what kind it is, what it says.
import { CHANNELS, MENTION_KINDS } from '../mention/mention-schema.ts';
import { detectLanguage } from '../text/language.ts';
import { languageOfWords } from '../text/function-words.ts';
import { defineFact } from './fact-spec.ts';

const PRIVATE_KINDS = new Set(['direct_message']);
const PRIVATE_CHANNELS = new Set(['messenger', 'whatsapp', 'email', 'chat']);
const QUESTION_OPENERS = new Set(
  ('how what when where why which who can could is are do does did will would should ' +
    'comment pourquoi quand ou quel quelle est ce combien ' +
    'como que cuando donde cual quien puedo puede ' +
    'cum ce cand unde care cine pot poate ' +
    'wie was wann wo warum welche wer kann konnen koennen ist sind').split(' '),
);

export const mentionFacts = [
  defineFact({
    name: 'channel',
    type: 'enum',
    enumValues: CHANNELS,
    label: 'Channel',
    description: 'The platform the mention arrived on.',
    example: 'x',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.channel,
  }),
  defineFact({
    name: 'kind',
    type: 'enum',
    enumValues: MENTION_KINDS,
    label: 'Kind of mention',
    description: 'Post, comment, reply, quote, direct message or review.',
    example: 'comment',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.kind,
  }),
  defineFact({
    name: 'visibility',
    type: 'enum',
    enumValues: ['public', 'private'],
    label: 'Visibility',
    description: 'Private for direct messages and private channels (Messenger, WhatsApp, email, chat); public otherwise.',
    example: 'public',
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const { kind, channel } = scope.mentionInput.mention;
      return PRIVATE_KINDS.has(kind) || PRIVATE_CHANNELS.has(channel) ? 'private' : 'public';
    },
  }),
  defineFact({
    name: 'text',
    type: 'text',
    label: 'Text',
    description: 'What the customer wrote. Term lists match whole words and phrases, ignoring case and accents.',
    example: 'Stranded at CDG, my flight was cancelled!',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.text,
  }),
  defineFact({
    name: 'language',
    type: 'string',
    label: 'Language',
    description: 'The language code given with the mention, or detected from its text.',
    example: 'fr',
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const { mention, settings } = scope.mentionInput;
      return mention.lang?.split('-')[0] ?? languageOfWords(scope.textForm(mention.text).tokens) ?? detectLanguage(mention.text, settings.defaultLanguage);
    },
  }),
  defineFact({
    name: 'isQuestion',
    type: 'boolean',
    label: 'Asks a question',
    description: 'The text has a question mark or opens with a question word (in English, French, Spanish, Romanian or German).',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const text = scope.mentionInput.mention.text;
      if (text.includes('?') || text.includes('¿')) return true;
      // The first word of the padded normal form (" how do i … "), or '' when it has none.
      const { normalized } = scope.textForm(text);
      return QUESTION_OPENERS.has(normalized.slice(1, normalized.indexOf(' ', 1)));
    },
  }),
  defineFact({
    name: 'rating',
    type: 'number',
    label: 'Review rating',
    description: 'The star rating of a review, 1 to 5, when the mention is a review.',
    example: 2,
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.mention.rating,
  }),
  defineFact({
    name: 'event',
    type: 'enum',
    enumValues: ['mention', 'ticket_resolved'],
    label: 'Event',
    description: 'What happened: a mention arrived, or the ticket it opened was resolved.',
    example: 'mention',
    subject: 'mention',
    derived: false,
    resolve: (scope) => scope.mentionInput.event ?? 'mention',
  }),
];
