// Facts about time: opening hours and how long the customer has waited. `now` always comes from the host.
import { businessMinutesBetween, isWithinBusinessHours } from '../time/business-hours.ts';
import type { WorkingTime } from '../time/working-calendar.ts';
import { defineFact } from './fact-spec.ts';
import type { FactScope } from './fact-scope.ts';

const MINUTE = 60_000;

function nowOf(scope: FactScope): Date {
  const { now, mention } = scope.mentionInput;
  return new Date(now ?? mention.createdAt);
}

/** The workspace's calendar (its days remembered across evaluations) when the input has the workspace's settings. */
function workingTimeOf(scope: FactScope): WorkingTime {
  const { settings } = scope.mentionInput;
  return settings === scope.workspace.settings ? scope.workspace.calendar : settings;
}

function answered(scope: FactScope): boolean {
  const { mention, ticket } = scope.mentionInput;
  return ticket?.firstResponseSent ?? mention.firstResponseAt !== undefined;
}

export const timeFacts = [
  defineFact({
    name: 'businessHours.open',
    type: 'boolean',
    label: 'Within business hours',
    description: 'The team is working now, in the workspace time zone and business hours.',
    example: true,
    subject: 'mention',
    derived: true,
    resolve: (scope) => isWithinBusinessHours(nowOf(scope), workingTimeOf(scope)),
  }),
  defineFact({
    name: 'firstResponseSent',
    type: 'boolean',
    label: 'First response sent',
    description: 'The brand has already answered this mention.',
    example: false,
    subject: 'mention',
    derived: true,
    resolve: answered,
  }),
  defineFact({
    name: 'minutesWaiting',
    type: 'number',
    label: 'Minutes waiting',
    description: 'Minutes since the mention arrived, while it has no first response (0 once answered).',
    example: 45,
    subject: 'mention',
    derived: true,
    timeDependent: true,
    resolve: (scope) => {
      if (answered(scope)) return 0;
      return Math.max(0, Math.floor((nowOf(scope).getTime() - Date.parse(scope.mentionInput.mention.createdAt)) / MINUTE));
    },
  }),
  defineFact({
    name: 'businessMinutesWaiting',
    type: 'number',
    label: 'Business minutes waiting',
    description: 'Like minutes waiting, but counting only business hours: a Friday-evening mention is not late on Saturday.',
    example: 30,
    subject: 'mention',
    derived: true,
    timeDependent: true,
    resolve: (scope) => {
      if (answered(scope)) return 0;
      return businessMinutesBetween(new Date(scope.mentionInput.mention.createdAt), nowOf(scope), workingTimeOf(scope));
    },
  }),
];
