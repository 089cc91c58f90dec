import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  FACT_CATALOG,
  FactScope,
  RuleEngine,
  compileWorkflow,
  prepareWorkspace,
  type CompiledWorkflow,
  type Mention,
} from '../packages/engine/src/index.ts';
import { detectPersonalEvent, resolveEventDate } from '../packages/engine/src/text/personal-event.ts';
import { mention, settings } from './support/mentions.ts';
import { condition, edge, node, trigger, workflow } from './support/workflow-builder.ts';

// Monday 2 March 2026, 11:00 in Paris (UTC+1).
const MONDAY = '2026-03-02T10:00:00.000Z';

function facts(overrides: Partial<Mention>): FactScope {
  return new FactScope({ subject: 'mention', mention: mention(overrides), settings }, prepareWorkspace(settings), FACT_CATALOG);
}

function event(text: string, createdAt = MONDAY, lang?: string) {
  const scope = facts({ text, createdAt, ...(lang ? { lang } : {}) });
  return { kind: scope.get('personalEvent.kind'), date: scope.get('personalEvent.date') };
}

describe('personalEvent.kind', () => {
  it.each([
    ['en', "It's my birthday tomorrow, any chance of a window seat?", 'birthday'],
    ['en', 'Flying out for our anniversary on 14 March', 'anniversary'],
    ['en', 'Our wedding is next week and the bags are lost', 'wedding'],
    ['en', 'Off on holiday next week with @acmeair', 'trip'],
    ['fr', 'Mon anniversaire est demain !', 'birthday'],
    ['fr', 'Notre anniversaire de mariage le 14 mars', 'anniversary'],
    ['fr', 'Notre mariage est samedi', 'wedding'],
    ['fr', 'Nos vacances commencent demain', 'trip'],
    ['es', 'Mi cumpleaños es la semana que viene', 'birthday'],
    ['es', 'Nuestro aniversario es el 14 de marzo', 'anniversary'],
    ['es', 'Mi boda es el sábado', 'wedding'],
    ['es', 'Mi vuelo sale mañana', 'trip'],
    ['ro', 'Ziua mea de naștere e mâine', 'birthday'],
    ['ro', 'Aniversarea noastră e pe 14 martie', 'anniversary'],
    ['ro', 'Nunta noastră e săptămâna viitoare', 'wedding'],
    ['ro', 'Plecăm în vacanță săptămâna viitoare', 'trip'],
    ['de', 'Mein Geburtstag ist nächste Woche', 'birthday'],
    ['de', 'Unser Hochzeitstag ist am 14. März', 'anniversary'],
    ['de', 'Unsere Hochzeit ist morgen', 'wedding'],
    ['de', 'Unser Urlaub beginnt übermorgen', 'trip'],
  ])('%s: %s → %s', (_language, text, kind) => {
    expect(event(text).kind).toBe(kind);
  });

  it('reads the more specific kind first: an "anniversaire de mariage" is an anniversary, a honeymoon a wedding', () => {
    expect(event('anniversaire de mariage demain').kind).toBe('anniversary');
    expect(event('wedding anniversary trip').kind).toBe('anniversary');
    expect(event('anniversaire de ma fille').kind).toBe('birthday');
    expect(event('Off on our honeymoon next week').kind).toBe('wedding');
    expect(event('Flitterwochen in Italien').kind).toBe('wedding');
  });

  it('matches whole words, ignoring case and accents', () => {
    expect(event('VACANȚĂ mâine').kind).toBe('trip');
    expect(event('CUMPLEANOS el viernes').kind).toBe('birthday');
    expect(event('my tripod broke').kind).toBe('none');
  });

  it('no event → none, and no date', () => {
    expect(event('My bag never arrived, please help')).toEqual({ kind: 'none', date: undefined });
    expect(event('Mon colis est en retard depuis demain').kind).toBe('none');
  });

  it('is registered as derived facts, for the editor and for decisions', () => {
    const kind = FACT_CATALOG.get('personalEvent.kind')!;
    expect(kind.enumValues).toEqual(['birthday', 'anniversary', 'wedding', 'trip', 'none']);
    expect(kind.derived).toBe(true);
    expect(FACT_CATALOG.get('personalEvent.date')).toMatchObject({ type: 'string', derived: true, subject: 'mention' });
  });
});

describe('personalEvent.date', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('"next week" from a Monday is the next Monday, at the time the mention was posted', () => {
    expect(event('My birthday is next week!').date).toBe('2026-03-09T10:00:00.000Z');
  });

  it('counts from createdAt, never from the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-15T08:00:00Z'));
    expect(event('My birthday is next week!').date).toBe('2026-03-09T10:00:00.000Z');
    expect(event('My birthday is next week!', '2026-05-20T16:30:00.000Z').date).toBe('2026-05-27T16:30:00.000Z');
    expect(event('birthday on 14 March').date).toBe('2026-03-14T11:00:00.000Z');
  });

  it.each([
    ['en', 'flying to Rome on 14 March', '2026-03-14T11:00:00.000Z'],
    ['en', 'our anniversary is tomorrow', '2026-03-03T10:00:00.000Z'],
    ['en', 'holiday flight on 04/03', '2026-03-04T11:00:00.000Z'],
    ['fr', 'mon anniversaire est demain', '2026-03-03T10:00:00.000Z'],
    ['fr', 'notre vol est après-demain', '2026-03-04T10:00:00.000Z'],
    ['fr', 'voyage la semaine prochaine', '2026-03-09T10:00:00.000Z'],
    ['fr', 'mariage ce week-end', '2026-03-07T11:00:00.000Z'],
    ['es', 'mi boda es la semana que viene', '2026-03-09T10:00:00.000Z'],
    ['es', 'viaje pasado mañana', '2026-03-04T10:00:00.000Z'],
    ['es', 'boda el 14 de marzo', '2026-03-14T11:00:00.000Z'],
    ['es', 'vacaciones el mes que viene', '2026-04-02T09:00:00.000Z'],
    ['de', 'mein Geburtstag ist nächste Woche', '2026-03-09T10:00:00.000Z'],
    ['de', 'Hochzeit am 14. März', '2026-03-14T11:00:00.000Z'],
    ['de', 'Urlaub am Wochenende', '2026-03-07T11:00:00.000Z'],
    ['ro', 'plecăm în vacanță săptămâna viitoare', '2026-03-09T10:00:00.000Z'],
    ['ro', 'nunta noastră e pe 14 martie', '2026-03-14T11:00:00.000Z'],
    ['ro', 'zborul meu de mâine', '2026-03-03T10:00:00.000Z'],
    ['ro', 'ziua mea de naștere e poimâine', '2026-03-04T10:00:00.000Z'],
    ['ro', 'călătoria de luna viitoare', '2026-04-02T09:00:00.000Z'],
    ['ro', 'vacanța în weekendul acesta', '2026-03-07T11:00:00.000Z'],
    ['ro', 'vacanța în weekendul viitor', '2026-03-14T11:00:00.000Z'],
    ['ro', 'zbor peste o săptămână', '2026-03-09T10:00:00.000Z'],
  ])('%s: %s', (_language, text, date) => {
    expect(event(text).date).toBe(date);
  });

  it('a named day starts at noon in the workspace time zone, summer time included', () => {
    expect(event('flight on 14 April').date).toBe('2026-04-14T10:00:00.000Z');
    expect(event('zbor pe 14 aprilie').date).toBe('2026-04-14T10:00:00.000Z');
    expect(resolveEventDate('flight on 14 April', { reference: MONDAY, timezone: 'America/New_York' })).toBe('2026-04-14T16:00:00.000Z');
  });

  it('reads the day in the workspace time zone', () => {
    // 23:30 UTC on Monday 2 March is already Tuesday 3 March in Paris: 2 March has passed there, not in UTC.
    const late = '2026-03-02T23:30:00Z';
    expect(resolveEventDate('pe 2 martie', { reference: late, timezone: 'Europe/Paris' })).toBe('2027-03-02T11:00:00.000Z');
    expect(resolveEventDate('pe 2 martie', { reference: late, timezone: 'UTC' })).toBe('2026-03-02T12:00:00.000Z');
    expect(resolveEventDate('on 2 March', { reference: late, timezone: 'Europe/Paris', languages: ['en'] })).toBe('2027-03-02T11:00:00.000Z');
  });

  it('a date already past this year is next year', () => {
    expect(event('birthday on 1 March').date).toBe('2027-03-01T11:00:00.000Z');
    expect(event('ziua mea de naștere pe 1 martie').date).toBe('2027-03-01T11:00:00.000Z');
  });

  it('keeps a time the customer gives', () => {
    expect(event('my flight is at 7am tomorrow').date).toBe('2026-03-03T06:00:00.000Z');
  });

  it('durations, bare times and greetings name no day', () => {
    expect(event('my flight was delayed 2 hours')).toEqual({ kind: 'trip', date: undefined });
    expect(event('mon vol a 2 heures de retard')).toEqual({ kind: 'trip', date: undefined });
    expect(event('trip for 2 weeks')).toEqual({ kind: 'trip', date: undefined });
    expect(event('Guten Morgen, mein Flug nach Berlin', MONDAY, 'de')).toEqual({ kind: 'trip', date: undefined });
    expect(event('birthday trip to Maine', MONDAY, 'en')).toEqual({ kind: 'birthday', date: undefined });
  });

  it('reads the same date from the mention’s shared normal form as from the text normalized again', () => {
    const fragment = fc.constantFrom(
      'my flight', 'birthday', 'notre vol', 'mi boda', 'Hochzeit', 'zborul meu', 'tomorrow', 'demain', 'mañana', 'morgen', 'mâine',
      'on 14 March', 'am 14. März', 'pe 14 martie', 'next week', 'la semaine prochaine', 'AC1234', 'booking ABC252', '(415) 555-8207',
      'a d', 'now', 'ce matin', 'Guten Morgen', 'delayed 2 hours', 'ΑΣ.Α', 'ﬂight', 'great service!', '😡',
    );
    // Long texts too: a date is read from the first 1,000 characters only, which the shared form is not.
    const text = fc.array(fragment, { minLength: 1, maxLength: 40 }).chain((parts) =>
      fc.integer({ min: 0, max: 1_200 }).map((padding) => (padding > 1_000 ? `${'x '.repeat(padding / 2)}${parts.join(' ')}` : parts.join('. '))),
    );
    fc.assert(
      fc.property(text, (written) => {
        const scope = facts({ text: written });
        if (scope.get('personalEvent.kind') === 'none') return;
        const language = scope.get('language') as string;
        const alone = detectPersonalEvent(written, { reference: MONDAY, timezone: settings.timezone, language });
        expect(scope.get('personalEvent.date')).toBe(alone.date);
      }),
      { numRuns: 300 },
    );
  });

  it('detectPersonalEvent: the standalone form', () => {
    expect(detectPersonalEvent('Nunta e mâine', { reference: MONDAY, timezone: 'Europe/Paris' })).toEqual({
      kind: 'wedding',
      date: '2026-03-03T10:00:00.000Z',
    });
    expect(detectPersonalEvent('nothing to see', { reference: MONDAY, timezone: 'Europe/Paris' })).toEqual({ kind: 'none' });
  });
});

describe('follow-ups timed to a personal event', () => {
  function engine(direction: 'before' | 'after', offset = '1d'): RuleEngine {
    const input = workflow(
      'personal-events',
      'proactive',
      [
        trigger('proactive'),
        condition('announces', [['personalEvent.kind', 'notEqual', 'none']]),
        node('follow-up', 'schedule_follow_up', { when: 'event', offset, direction, template: 'personal-event' }),
      ],
      [edge('start', 'announces'), edge('announces', 'follow-up', 'yes')],
    );
    const result = compileWorkflow(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return new RuleEngine({ workflows: [result.workflow as CompiledWorkflow], settings });
  }

  it('gets a dueAt one day after the event', () => {
    const decision = engine('after').decide({ mention: mention({ text: 'Our wedding is next week!', createdAt: MONDAY }) });
    expect(decision.actions).toEqual([
      { type: 'schedule_follow_up', offset: '1d', direction: 'after', template: 'personal-event', dueAt: '2026-03-10T10:00:00.000Z' },
    ]);
  });

  it('in every language', () => {
    const follow = engine('after');
    for (const text of ['Mon anniversaire est demain', 'Mi cumpleaños es mañana', 'Mein Geburtstag ist morgen', 'Ziua mea de naștere e mâine']) {
      const decision = follow.decide({ mention: mention({ text, createdAt: MONDAY }) });
      expect(decision.actions, text).toMatchObject([{ type: 'schedule_follow_up', dueAt: '2026-03-04T10:00:00.000Z' }]);
    }
  });

  it('before the event, but never before the mention', () => {
    const before = engine('before');
    expect(before.decide({ mention: mention({ text: 'birthday on 14 March', createdAt: MONDAY }) }).actions[0]).toMatchObject({
      dueAt: '2026-03-13T11:00:00.000Z',
    });
    expect(before.decide({ mention: mention({ text: 'birthday today', createdAt: MONDAY }) }).actions[0]).toMatchObject({ dueAt: MONDAY });
  });

  it('an event without a day is not followed up, and says why', () => {
    const decision = engine('after').decide({ mention: mention({ text: 'my flight was delayed 2 hours', createdAt: MONDAY }) });
    expect(decision.actions).toEqual([]);
    expect(decision.dropped).toEqual([expect.objectContaining({ reason: 'the mention announces no date to follow up on' })]);
  });

  it('no event, no follow-up', () => {
    const decision = engine('after').decide({ mention: mention({ text: 'where is my bag?', createdAt: MONDAY }) });
    expect(decision.actions).toEqual([]);
    expect(decision.facts['personalEvent.kind']).toBe('none');
  });
});
