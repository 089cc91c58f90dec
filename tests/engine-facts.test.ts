import { describe, expect, it } from 'vitest';
import {
  FACT_CATALOG,
  FactScope,
  factsForSubject,
  prepareWorkspace,
  volumeKey,
  mentionMatchesVolumeQuery,
  type FactSpec,
  type MentionInput,
} from '../packages/engine/src/index.ts';
import { mention, settings } from './support/mentions.ts';

function facts(input: Partial<MentionInput> & { mention: MentionInput['mention'] }): FactScope {
  return new FactScope({ subject: 'mention', settings, ...input }, prepareWorkspace(settings), FACT_CATALOG);
}

describe('the fact catalog', () => {
  it('describes every fact with a type, a description and an example', () => {
    for (const fact of factsForSubject('mention')) {
      expect(fact.description.length, fact.name).toBeGreaterThan(10);
      expect(fact.example, fact.name).not.toBeUndefined();
      expect(fact.name).toMatch(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/);
    }
    const names = factsForSubject('mention').map((fact) => fact.name);
    for (const required of ['channel', 'kind', 'visibility', 'text', 'language', 'sentiment', 'pii.any', 'pii.card', 'brand.mention', 'author.followers', 'author.verified', 'customer.tier', 'customer.lifetimeValue', 'customer.minutesSinceContactElsewhere', 'conversation.brandReplies', 'conversation.customerMessages', 'businessHours.open', 'minutesWaiting', 'volume']) {
      expect(names).toContain(required);
    }
  });
});

describe('facts about a mention', () => {
  it('visibility: direct messages and private channels are private', () => {
    expect(facts({ mention: mention({ kind: 'direct_message', channel: 'x' }) }).get('visibility')).toBe('private');
    expect(facts({ mention: mention({ kind: 'comment', channel: 'messenger' }) }).get('visibility')).toBe('private');
    expect(facts({ mention: mention({ kind: 'comment', channel: 'instagram' }) }).get('visibility')).toBe('public');
  });

  it('language: given, else detected', () => {
    expect(facts({ mention: mention({ text: 'Hello', lang: 'fr-CA' }) }).get('language')).toBe('fr');
    expect(facts({ mention: mention({ text: 'Bonjour, mon vol est annulé et je suis bloqué à l’aéroport depuis ce matin' }) }).get('language')).toBe('fr');
  });

  it('brand mention: handle, hashtag, plain name (indirect), none', () => {
    expect(facts({ mention: mention({ text: 'Hey @acmeair where is my bag' }) }).get('brand.mention')).toBe('handle');
    expect(facts({ mention: mention({ text: 'Lost my bag again #AcmeAir' }) }).get('brand.mention')).toBe('hashtag');
    const indirect = facts({ mention: mention({ text: 'never flying acme air again' }) });
    expect(indirect.get('brand.mention')).toBe('name');
    expect(indirect.get('brand.indirect')).toBe(true);
    expect(facts({ mention: mention({ text: 'what a day' }) }).get('brand.mentioned')).toBe(false);
  });

  it('personal data kinds found in the text', () => {
    const scope = facts({ mention: mention({ text: 'Card 4111 1111 1111 1111, call me on +33 6 12 34 56 78' }) });
    expect(scope.get('pii.kinds')).toEqual(['phone', 'card']);
    expect(scope.get('pii.card')).toBe(true);
    expect(scope.get('pii.iban')).toBe(false);
    expect(facts({ mention: mention({ text: 'Card 4111 1111 1111 1112' }) }).get('pii.card')).toBe(false);
  });

  it('questions in several languages', () => {
    expect(facts({ mention: mention({ text: 'Pourquoi mon vol est annulé' }) }).get('isQuestion')).toBe(true);
    expect(facts({ mention: mention({ text: 'Can I change my seat' }) }).get('isQuestion')).toBe(true);
    expect(facts({ mention: mention({ text: 'Great crew today, thank you' }) }).get('isQuestion')).toBe(false);
  });

  it('contact on another channel: minutes since, only when the channel differs', () => {
    const customer = { id: 'c1', lastContactAt: '2026-03-02T08:30:00Z', lastContactChannel: 'messenger' as const };
    expect(facts({ mention: mention({ customer, createdAt: '2026-03-02T10:00:00Z' }) }).get('customer.minutesSinceContactElsewhere')).toBe(90);
    expect(facts({ mention: mention({ customer: { ...customer, lastContactChannel: 'x' }, channel: 'x' }) }).get('customer.minutesSinceContactElsewhere')).toBeUndefined();
  });

  it('conversation counts default sensibly', () => {
    const scope = facts({ mention: mention({ brandRepliesInConversation: 2 }) });
    expect(scope.get('conversation.brandReplies')).toBe(2);
    expect(scope.get('conversation.customerMessages')).toBe(1);
  });

  it('waiting time comes from the host’s now, in plain and business minutes', () => {
    // Friday 19:30 in Paris (18:30 UTC), checked at Friday 21:00 and Monday 09:30 local.
    const friday = mention({ createdAt: '2026-03-06T18:30:00Z' });
    const evening = facts({ mention: friday, now: '2026-03-06T20:00:00Z' });
    expect(evening.get('minutesWaiting')).toBe(90);
    expect(evening.get('businessMinutesWaiting')).toBe(0);
    expect(evening.get('businessHours.open')).toBe(false);
    const monday = facts({ mention: friday, now: '2026-03-09T08:30:00Z' });
    expect(monday.get('businessMinutesWaiting')).toBe(30);
    expect(monday.get('businessHours.open')).toBe(true);
    expect(facts({ mention: { ...friday, firstResponseAt: '2026-03-06T18:40:00Z' }, now: '2026-03-06T20:00:00Z' }).get('minutesWaiting')).toBe(0);
  });

  it('volume comes from the host, keyed by the query; incidents by topic', () => {
    const query = { windowMinutes: 15, terms: ['outage', 'panne'] };
    const scope = facts({ mention: mention(), volumes: { [volumeKey(query)]: 21 }, openIncidents: ['outage'] });
    expect(scope.get('volume', { terms: ['outage', 'panne'], windowMinutes: 15 })).toBe(21);
    expect(scope.get('volume', { windowMinutes: 5 })).toBeUndefined();
    expect(scope.get('incident.open', { topic: 'outage' })).toBe(true);
    expect(scope.get('incident.open', { topic: 'strike' })).toBe(false);
    expect(volumeKey({ terms: ['a'], windowMinutes: 5 })).toBe(volumeKey({ windowMinutes: 5, terms: ['a'] }));
    expect(mentionMatchesVolumeQuery({ text: 'Site en PANNE', channel: 'x' }, query)).toBe(true);
    expect(mentionMatchesVolumeQuery({ text: 'all good', channel: 'x' }, query)).toBe(false);
  });

  it('derived facts are computed lazily and at most once per mention', () => {
    let computed = 0;
    const counting: FactSpec = { name: 'counted', type: 'number', label: 'Counted', description: 'counts its computations', example: 1, subject: 'mention', derived: true, resolve: () => ++computed };
    const scope = new FactScope({ subject: 'mention', settings, mention: mention() }, prepareWorkspace(settings), new Map([['counted', counting]]));
    expect(computed).toBe(0);
    scope.get('counted');
    scope.get('counted');
    expect(computed).toBe(1);
    expect(scope.derivedValues()).toEqual({ counted: 1 });
  });

  it('an unknown fact fails loudly with a code', () => {
    expect(() => facts({ mention: mention() }).get('moonPhase')).toThrow(expect.objectContaining({ code: 'UNKNOWN_FACT' }));
  });
});
