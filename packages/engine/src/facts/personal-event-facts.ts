// Facts about a personal event the mention announces (a birthday, an anniversary, a wedding, a trip) and its date,
// so a proactive workflow can follow up around it. Read only from the text and its createdAt: never the clock.
import { PERSONAL_EVENT_KINDS, matchPersonalEvent, resolveEventDate, type PersonalEventMatch } from '../text/personal-event.ts';
import { defineFact } from './fact-spec.ts';
import type { FactScope } from './fact-scope.ts';

function eventMatch(scope: FactScope): PersonalEventMatch {
  const form = scope.textForm(scope.mentionInput.mention.text);
  return matchPersonalEvent(form.normalized, form.tokens);
}

export const personalEventFacts = [
  defineFact({
    name: 'personalEvent.kind',
    type: 'enum',
    enumValues: PERSONAL_EVENT_KINDS,
    label: 'Personal event',
    description:
      'A personal event the customer announces: birthday, anniversary, wedding (honeymoon included), trip (holiday, flight), or none. Keywords in English, French, Spanish, Romanian and German.',
    example: 'birthday',
    subject: 'mention',
    derived: true,
    resolve: (scope) => eventMatch(scope).kind,
  }),
  defineFact({
    name: 'personalEvent.date',
    type: 'string',
    label: 'Personal event date',
    description:
      'When the announced event starts (ISO date-time, UTC), read from the text relative to when the mention was posted: “next week”, “on 14 March”, “demain”, “la semana que viene”, “nächste Woche”, “săptămâna viitoare”. A day without a time counts from 12:00 in the workspace time zone. Unknown when there is no event or no day.',
    example: '2026-03-14T11:00:00.000Z',
    subject: 'mention',
    derived: true,
    resolve: (scope) => {
      const match = eventMatch(scope);
      if (match.kind === 'none') return undefined;
      const { mention, settings } = scope.mentionInput;
      const languages = [scope.get('language') as string, ...match.languages];
      const form = scope.textForm(mention.text);
      return resolveEventDate(mention.text, { reference: mention.createdAt, timezone: settings.timezone, languages, form });
    },
  }),
];
