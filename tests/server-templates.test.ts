// Reply templates: CRUD with strict validation, variant choice by channel and language, alternatives per mention,
// the expected response in the customer's language, and decisions that carry the rendered text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.ts';
import { mention, settings } from './support/mentions.ts';
import { edge, node, trigger, workflow } from './support/workflow-builder.ts';
import { ManualClock } from '../apps/server/src/clock.ts';
import type { Logger } from '../apps/server/src/log.ts';
import { DEFAULT_TEMPLATES, templateStoreFor } from '../apps/server/src/domain/template-store.ts';
import { alternativeIndex, formatResponseTarget, parseTemplateBody } from '../apps/server/src/domain/template-renderer.ts';

// Monday 2 March 2026, 11:00 in Paris: the team (Mon–Fri 09:00–18:00) is working.
const MONDAY_MORNING = '2026-03-02T10:00:00Z';
const FRIDAY_EVENING = '2026-03-06T19:00:00Z'; // 20:00 in Paris
const SUNDAY_EVENING = '2026-03-08T20:00:00Z'; // 21:00 in Paris
const MONDAY_EARLY = '2026-03-09T06:00:00Z'; // 07:00 in Paris

let server: TestServer;
let clock: ManualClock;
let logged: { level: string; event: string; fields: Record<string, unknown> }[];

beforeEach(async () => {
  clock = new ManualClock(MONDAY_MORNING);
  logged = [];
  const logger: Logger = { log: (level, event, fields = {}) => void logged.push({ level, event, fields }) };
  server = await startTestServer({ clock, logger });
  expect((await server.call('PUT', '/api/settings', settings)).status).toBe(200);
});
afterEach(async () => {
  await server.stop(true);
});

const put = (id: string, body: unknown) => server.call('PUT', `/api/templates/${id}`, body);
const preview = (id: string, body: Record<string, unknown>) => server.call('POST', `/api/templates/${id}/preview`, body);

async function publish(input: ReturnType<typeof workflow>): Promise<void> {
  expect((await server.call('POST', '/api/workflows', input)).status).toBe(201);
  expect((await server.call('POST', `/api/workflows/${input.id}/publish`, {})).status).toBe(201);
}

const acknowledging = (template: string) =>
  workflow('ack', 'routing', [trigger(), node('to-general', 'route', { queue: 'general', rank: 90 }), node('ack', 'auto_acknowledge', { template })], [edge('start', 'to-general'), edge('to-general', 'ack')]);

describe('templates: CRUD', () => {
  it('creates, reads, lists, replaces every variant, and deletes', async () => {
    const created = await put('greeting', {
      description: 'Says hello',
      variants: [
        { channel: '*', language: 'en', body: 'Hello {{author.name}}!' },
        { channel: 'x', language: 'fr', body: 'Bonjour {{author.name}} !\n---\nSalut {{author.name}} !' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'greeting',
      description: 'Says hello',
      updatedAt: new Date(MONDAY_MORNING).toISOString(),
      variants: [
        { channel: '*', language: 'en', body: 'Hello {{author.name}}!', alternatives: 1 },
        { channel: 'x', language: 'fr', alternatives: 2 },
      ],
    });

    expect((await server.call('GET', '/api/templates/greeting')).body).toEqual(created.body);
    const list = await server.call('GET', '/api/templates');
    expect(list.status).toBe(200);
    expect(list.body.templates.map((template: { id: string }) => template.id)).toEqual(['greeting']);
    expect(list.body.variables.map((variable: { name: string }) => variable.name)).toEqual(['author.name', 'author.handle', 'agent.initials', 'expectedResponse', 'notice.link', 'brand']);
    expect(list.body.sections.map((section: { name: string }) => section.name)).toEqual(['agent', 'afterHours']);

    clock.advance(5);
    const replaced = await put('greeting', { description: 'Says hi', variants: [{ channel: 'facebook', language: '*', body: 'Hi {{author.handle}}' }] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.variants).toEqual([{ channel: 'facebook', language: '*', body: 'Hi {{author.handle}}', alternatives: 1 }]);
    expect(replaced.body.description).toBe('Says hi');

    const deleted = await server.call('DELETE', '/api/templates/greeting');
    expect(deleted.status).toBe(200);
    expect((await server.call('GET', '/api/templates/greeting')).status).toBe(404);
    expect((await server.call('DELETE', '/api/templates/greeting')).status).toBe(404);
    expect((await server.call('GET', '/api/templates')).body.templates).toEqual([]);
  });

  it('records who changed templates in the event log', async () => {
    await put('greeting', { variants: [{ channel: '*', language: '*', body: 'Hello' }] });
    await server.call('DELETE', '/api/templates/greeting', undefined, await server.sessionFor('ops.lead'));
    const events = await server.services.database.client.execute('SELECT type, subject, actor FROM events ORDER BY id');
    expect(events.rows.map((row) => [row.type, row.subject, row.actor])).toEqual([
      ['settings.updated', 'settings', 'token:test admin'],
      ['template.created', 'greeting', 'token:test admin'],
      ['auth.signed_in', 'ops.lead@example.test', 'ops.lead@example.test'],
      ['template.deleted', 'greeting', 'ops.lead@example.test'],
    ]);
  });
});

describe('templates: strict validation', () => {
  const valid = { channel: '*', language: 'en', body: 'Hello {{author.name}}' };

  it('refuses unknown fields, at the top and in a variant', async () => {
    const top = await put('t', { variants: [valid], colour: 'blue' });
    expect(top.status).toBe(422);
    expect(top.body.details).toEqual([{ field: 'colour', message: 'unknown field' }]);
    const inVariant = await put('t', { variants: [{ ...valid, tone: 'warm' }] });
    expect(inVariant.status).toBe(422);
    expect(inVariant.body.details).toEqual([{ field: 'variants.0.tone', message: 'unknown field' }]);
  });

  it('refuses an unknown variable at save time, naming it (and the likely one)', async () => {
    const response = await put('t', { variants: [valid, { channel: '*', language: 'fr', body: 'Bonjour\n{{author.nom}} !' }] });
    expect(response.status).toBe(422);
    expect(response.body.error).toBe('validation_failed');
    expect(response.body.message).toContain('{{author.nom}}');
    expect(response.body.details).toEqual([{ field: 'variants.1.body', message: expect.stringMatching(/^line 2: unknown variable \{\{author\.nom\}\} \(did you mean \{\{author\.name\}\}\?\)/) }]);
    expect((await server.call('GET', '/api/templates/t')).status).toBe(404);
  });

  it('refuses two variants for the same channel and language', async () => {
    const response = await put('t', { variants: [valid, { channel: 'x', language: 'en', body: 'a' }, { ...valid, body: 'Hi' }] });
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([{ field: 'variants.2', message: expect.stringContaining('a second variant for channel “*” and language “en” (the first is variants.0)') }]);
  });

  it('refuses empty templates, bodies and alternatives', async () => {
    expect((await put('t', { variants: [] })).body.details).toEqual([{ field: 'variants', message: 'a template needs at least one variant' }]);
    expect((await put('t', {})).status).toBe(422);
    for (const body of ['', '   \n  ']) {
      const response = await put('t', { variants: [{ ...valid, body }] });
      expect(response.status).toBe(422);
      expect(response.body.details).toEqual([{ field: 'variants.0.body', message: 'line 1: the body is empty' }]);
    }
    const emptyAlternative = await put('t', { variants: [{ ...valid, body: 'Hello\n---\n\n---\nHi' }] });
    expect(emptyAlternative.status).toBe(422);
    expect(emptyAlternative.body.details).toEqual([{ field: 'variants.0.body', message: 'line 3: alternative 2 (separated by “---”) is empty' }]);
  });

  it('refuses broken sections and tags, too-long bodies, unknown channels and bad ids', async () => {
    const problems = async (body: string) => (await put('t', { variants: [{ ...valid, body }] })).body.details?.map((issue: { message: string }) => issue.message);
    expect(await problems('Thanks{{#agent}} – {{agent.initials}}')).toEqual(['line 1: {{#agent}} is never closed: end it with {{/agent}}']);
    expect(await problems('Thanks{{#agent}}{{/afterHours}}')).toEqual([expect.stringContaining('“{{/afterHours}}” closes {{#agent}}')]);
    expect(await problems('{{afterHours}}')).toEqual([expect.stringContaining('{{afterHours}} is a condition, not text')]);
    expect(await problems('Hi {{author.name')).toEqual(['line 1: “{{” is not closed with “}}”']);
    expect(await problems('Hi {{ author name }}')).toEqual([expect.stringContaining('is not a variable')]);
    expect(await problems('{{#mood}}x{{/mood}}')).toEqual([expect.stringContaining('unknown section “{{#mood}}”')]);
    expect((await put('t', { variants: [{ ...valid, body: 'a'.repeat(2001) }] })).status).toBe(422);
    expect((await put('t', { variants: [{ ...valid, channel: 'myspace' }] })).body.details[0].field).toBe('variants.0.channel');
    expect((await put('t', { variants: [{ ...valid, language: 'French' }] })).body.details[0].field).toBe('variants.0.language');
    expect((await put('Not_An_Id', { variants: [valid] })).status).toBe(400);
    // Spaces inside the braces are fine.
    expect((await put('t', { variants: [{ ...valid, body: 'Hi {{ author.name }}' }] })).status).toBe(201);
  });
});

describe('templates: choosing the variant', () => {
  beforeEach(async () => {
    const response = await put('choice', {
      variants: [
        { channel: 'x', language: 'fr', body: 'x-fr' },
        { channel: '*', language: 'fr', body: 'any-fr' },
        { channel: '*', language: 'en', body: 'any-en' },
        { channel: 'facebook', language: 'en', body: 'facebook-en' },
        { channel: 'review', language: '*', body: 'review-any' },
      ],
    });
    expect(response.status).toBe(201);
  });

  const chosen = async (id: string, channel: string, language: string) => {
    const response = await preview(id, { channel, language });
    return response.status === 200 ? `${response.body.text} (${response.body.variant.channel}/${response.body.variant.language})` : response.status;
  };

  it('prefers the exact channel and language, then the language on any channel', async () => {
    expect(await chosen('choice', 'x', 'fr')).toBe('x-fr (x/fr)');
    expect(await chosen('choice', 'facebook', 'fr')).toBe('any-fr (*/fr)');
    expect(await chosen('choice', 'review', 'fr')).toBe('any-fr (*/fr)');
  });

  it('then the channel in any language, then the channel in the default language, then the default language', async () => {
    expect(await chosen('choice', 'review', 'de')).toBe('review-any (review/*)');
    expect(await chosen('choice', 'facebook', 'de')).toBe('facebook-en (facebook/en)');
    expect(await chosen('choice', 'instagram', 'de')).toBe('any-en (*/en)');
  });

  it('an any-channel any-language variant serves a language that has none before the default language', async () => {
    await put('universal', { variants: [{ channel: '*', language: 'en', body: 'english' }, { channel: '*', language: '*', body: 'universal' }] });
    expect(await chosen('universal', 'x', 'ro')).toBe('universal (*/*)');
    expect(await chosen('universal', 'x', 'en')).toBe('english (*/en)');
  });

  it('never uses another channel’s variant: without a fallback the preview is 404', async () => {
    await put('only-x', { variants: [{ channel: 'x', language: 'fr', body: 'x-fr' }] });
    expect(await chosen('only-x', 'facebook', 'fr')).toBe(404);
    expect(await chosen('missing', 'x', 'fr')).toBe(404);
  });

  it('a French mention gets the French variant in its decision; a missing template is flagged, never fatal', async () => {
    await publish(acknowledging('choice'));
    const french = await server.call('POST', '/api/mentions', mention({ id: 'fr1', channel: 'facebook', kind: 'comment', lang: 'fr-FR', text: 'Bonjour' }));
    expect(french.body.decision.actions).toContainEqual({ type: 'auto_acknowledge', template: 'choice', text: 'any-fr', templateVariant: { channel: '*', language: 'fr' } });

    await server.call('DELETE', '/api/templates/choice');
    const missing = await server.call('POST', '/api/mentions', mention({ id: 'fr2', lang: 'fr', text: 'Bonjour' }));
    expect(missing.status).toBe(201);
    expect(missing.body.decision.actions).toContainEqual({ type: 'auto_acknowledge', template: 'choice', missingTemplate: true });
    expect(logged).toContainEqual({ level: 'warn', event: 'template_missing', fields: expect.objectContaining({ template: 'choice', mentionId: 'fr2' }) });
  });
});

describe('templates: alternatives', () => {
  const body = ['Hi {{author.name}}, thanks for writing!', '---', 'Thanks {{author.name}}, we got it.', '  ---  ', 'Hello {{author.name}}, message received.'].join('\n');

  it('the preview shows every alternative, rendered', async () => {
    await put('varied', { variants: [{ channel: '*', language: 'en', body }] });
    const response = await preview('varied', { channel: 'x', language: 'en', variables: { 'author.name': 'Claire' } });
    expect(response.status).toBe(200);
    expect(response.body.alternatives).toEqual(['Hi Claire, thanks for writing!', 'Thanks Claire, we got it.', 'Hello Claire, message received.']);
    expect(response.body.text).toBe('Hi Claire, thanks for writing!');
  });

  it('each mention gets one alternative, the same every time, and customers do not all get the same text', async () => {
    await put('varied', { variants: [{ channel: '*', language: 'en', body }] });
    await publish(acknowledging('varied'));
    const ids = Array.from({ length: 12 }, (_, index) => `alt-${index}`);
    const texts = new Map<string, string>();
    for (const id of ids) {
      const response = await server.call('POST', '/api/mentions', mention({ id, lang: 'en', text: 'Hello there', author: { handle: '@sam', name: 'Sam' } }));
      const action = response.body.decision.actions.find((candidate: { type: string }) => candidate.type === 'auto_acknowledge');
      texts.set(id, action.text);
    }
    const options = ['Hi Sam, thanks for writing!', 'Thanks Sam, we got it.', 'Hello Sam, message received.'];
    for (const [id, text] of texts) expect(text).toBe(options[alternativeIndex(id, 3)]);
    expect(new Set(texts.values()).size).toBeGreaterThan(1);

    // The stored decision and a simulation of the same mention read the same text.
    const stored = await server.call('GET', '/api/mentions/alt-3');
    expect(stored.body.decision.actions.find((action: { type: string }) => action.type === 'auto_acknowledge').text).toBe(texts.get('alt-3'));
    const simulated = await server.call('POST', '/api/simulate', { mentions: [mention({ id: 'alt-3', lang: 'en', text: 'Hello there', author: { handle: '@sam', name: 'Sam' } })] });
    expect(simulated.body.decisions[0].actions.find((action: { type: string }) => action.type === 'auto_acknowledge').text).toBe(texts.get('alt-3'));
  });

  it('the author name falls back to the handle', async () => {
    await put('varied', { variants: [{ channel: '*', language: 'en', body: 'Hi {{author.name}} ({{author.handle}})' }] });
    await publish(acknowledging('varied'));
    const response = await server.call('POST', '/api/mentions', mention({ id: 'nameless', lang: 'en', author: { handle: '@nameless' } }));
    expect(response.body.decision.actions[0].text).toBe('Hi @nameless (@nameless)');
  });
});

describe('templates: the agent signature, notice links and the brand', () => {
  it('a signature section is left out cleanly at decision time and filled at reply time', async () => {
    await put('signed', {
      variants: [{ channel: '*', language: 'en', body: 'Thanks {{author.name}}!{{#agent}} – {{agent.initials}}{{/agent}}\n---\nThanks {{author.name}}! – {{agent.initials}}\n---\nHello {{agent.initials}} there.' }],
    });
    const decisionTime = await preview('signed', { channel: 'x', language: 'en' });
    expect(decisionTime.body.alternatives).toEqual(['Thanks Alex!', 'Thanks Alex!', 'Hello there.']);
    const replyTime = await preview('signed', { channel: 'x', language: 'en', variables: { 'agent.initials': 'JD' } });
    expect(replyTime.body.alternatives).toEqual(['Thanks Alex! – JD', 'Thanks Alex! – JD', 'Hello JD there.']);
  });

  it('notice links point to the incident topic, and the brand is the first brand name', async () => {
    await put('notice', { variants: [{ channel: '*', language: 'en', body: '{{brand}} is looking into it.{{#notice.link}} Updates: {{notice.link}}{{/notice.link}}' }] });
    const notice = workflow('notice', 'routing', [trigger(), node('notice', 'publish_notice', { template: 'notice', topic: 'app-down' })], [edge('start', 'notice')]);
    await publish(notice);
    const response = await server.call('POST', '/api/mentions', mention({ id: 'n1', lang: 'en' }));
    expect(response.body.decision.actions).toContainEqual({ type: 'publish_notice', template: 'notice', topic: 'app-down', text: 'Acme Air is looking into it. Updates: /notices/app-down', templateVariant: { channel: '*', language: 'en' } });
  });
});

describe('templates: the expected response', () => {
  const body = '{{^afterHours}}Réponse sous {{expectedResponse}}.{{/afterHours}}{{#afterHours}}Nous revenons {{expectedResponse}}.{{/afterHours}}';
  beforeEach(async () => {
    await put('timing', { variants: [{ channel: '*', language: 'fr', body }, { channel: '*', language: 'en', body: '{{expectedResponse}}' }] });
  });
  const french = async (priority: string, at: string) => (await preview('timing', { channel: 'x', language: 'fr', priority, at })).body.text;

  it('is the response target of the priority, in the customer’s language, during business hours', async () => {
    expect(await french('P1', MONDAY_MORNING)).toBe('Réponse sous 15 minutes.');
    expect(await french('P2', MONDAY_MORNING)).toBe('Réponse sous 1 heure.');
    expect(await french('P3', MONDAY_MORNING)).toBe('Réponse sous 4 heures.');
    expect(await french('P4', MONDAY_MORNING)).toBe('Réponse sous 1 jour.');
    expect((await preview('timing', { channel: 'x', language: 'en', priority: 'P3', at: MONDAY_MORNING })).body.text).toBe('4 hours');
  });

  it('is the next opening outside business hours (P1 still runs around the clock)', async () => {
    expect(await french('P3', FRIDAY_EVENING)).toBe('Nous revenons lundi à 09:00.');
    expect(await french('P2', SUNDAY_EVENING)).toBe('Nous revenons demain à 09:00.');
    expect(await french('P4', MONDAY_EARLY)).toBe('Nous revenons aujourd’hui à 09:00.');
    expect(await french('P1', FRIDAY_EVENING)).toBe('Réponse sous 15 minutes.');
    expect((await preview('timing', { channel: 'x', language: 'en', priority: 'P3', at: FRIDAY_EVENING })).body.text).toBe('Monday at 09:00');
  });

  it('follows the workspace response targets', async () => {
    await server.call('PUT', '/api/settings', { ...settings, responseTargets: { P1: 30, P2: 90, P3: 2880, P4: 1440 } });
    expect(await french('P1', MONDAY_MORNING)).toBe('Réponse sous 30 minutes.');
    expect(await french('P2', MONDAY_MORNING)).toBe('Réponse sous 1 heure et 30 minutes.');
    expect(await french('P3', MONDAY_MORNING)).toBe('Réponse sous 2 jours.');
  });

  it('reads naturally in every supported language', () => {
    const phrases = (minutes: number) => (['en', 'fr', 'es', 'ro', 'de'] as const).map((language) => formatResponseTarget(minutes, language));
    expect(phrases(15)).toEqual(['15 minutes', '15 minutes', '15 minutos', '15 minute', '15 Minuten']);
    expect(phrases(60)).toEqual(['1 hour', '1 heure', '1 hora', '1 oră', '1 Stunde']);
    expect(phrases(240)).toEqual(['4 hours', '4 heures', '4 horas', '4 ore', '4 Stunden']);
    expect(phrases(1440)).toEqual(['1 day', '1 jour', '1 día', '1 zi', '1 Tag']);
    expect(phrases(2880)).toEqual(['2 days', '2 jours', '2 días', '2 zile', '2 Tagen']);
    expect(phrases(20)).toEqual(['20 minutes', '20 minutes', '20 minutos', '20 de minute', '20 Minuten']);
  });

  it('a French mention on Friday evening is told when the team is back, in French, in its stored decision', async () => {
    await server.call('POST', '/api/templates/timing/preview', { channel: 'x', language: 'fr' });
    await publish(acknowledging('timing'));
    clock.set(FRIDAY_EVENING);
    const response = await server.call('POST', '/api/mentions', mention({ id: 'late', lang: 'fr', createdAt: FRIDAY_EVENING, text: 'Bonjour, une question sur mon billet' }));
    expect(response.body.decision.priority).toBe('P3');
    const stored = await server.call('GET', '/api/mentions/late');
    expect(stored.body.decision.actions).toContainEqual(expect.objectContaining({ type: 'auto_acknowledge', text: 'Nous revenons lundi à 09:00.' }));
  });
});

describe('templates: end to end with the defaults', () => {
  it('a published workflow acknowledging with “acknowledgement”: a French mention’s stored decision carries French text', async () => {
    const store = templateStoreFor(server.services);
    expect(await store.ensureDefaults()).toEqual(DEFAULT_TEMPLATES.map((template) => template.id));
    await publish(acknowledging('acknowledgement'));
    // No `lang`: the language is detected from the text.
    const posted = await server.call(
      'POST',
      '/api/mentions',
      mention({ id: 'claire-1', text: 'Bonjour, mon vol a été annulé et je n’ai reçu aucune information. Pouvez-vous m’aider ?', author: { handle: '@claire', name: 'Claire' } }),
    );
    expect(posted.status).toBe(201);
    const stored = await server.call('GET', '/api/mentions/claire-1');
    const action = stored.body.decision.actions.find((candidate: { type: string }) => candidate.type === 'auto_acknowledge');
    expect(action.templateVariant).toEqual({ channel: '*', language: 'fr' });
    expect(action.text).toMatch(/^(Bonjour Claire, merci pour votre message !|Merci Claire, message bien reçu !)/);
    expect(action.text).toMatch(/sous 4 heures\.$|d’ici 4 heures\.$/);
    expect(action.text).not.toContain('{{');
    expect(action.text).not.toContain('–');
  });

  it('templates changed through the API apply to the next decision', async () => {
    await publish(acknowledging('ack-now'));
    await put('ack-now', { variants: [{ channel: '*', language: '*', body: 'first' }] });
    const first = await server.call('POST', '/api/mentions', mention({ id: 'c1', lang: 'en' }));
    await put('ack-now', { variants: [{ channel: '*', language: '*', body: 'second' }] });
    const second = await server.call('POST', '/api/mentions', mention({ id: 'c2', lang: 'en' }));
    expect([first.body.decision.actions[0].text, second.body.decision.actions[0].text]).toEqual(['first', 'second']);
  });

  it('ensureDefaults inserts only the missing ids and never touches the team’s own', async () => {
    await put('acknowledgement', { description: 'Ours', variants: [{ channel: '*', language: 'en', body: 'Our own words' }] });
    const store = templateStoreFor(server.services);
    const added = await store.ensureDefaults();
    expect(added).not.toContain('acknowledgement');
    expect(added).toHaveLength(DEFAULT_TEMPLATES.length - 1);
    expect((await server.call('GET', '/api/templates/acknowledgement')).body.variants).toEqual([{ channel: '*', language: 'en', body: 'Our own words', alternatives: 1 }]);
    expect(await store.ensureDefaults()).toEqual([]);
  });

  it('the defaults parse, cover five languages, and give English at least two alternatives', () => {
    expect(DEFAULT_TEMPLATES.map((template) => template.id)).toEqual(['acknowledgement', 'complaint-acknowledgement', 'move-to-private', 'after-hours', 'outage-notice', 'follow-up', 'personal-event']);
    for (const template of DEFAULT_TEMPLATES) {
      expect(template.variants.map((variant) => variant.language).sort()).toEqual(['de', 'en', 'es', 'fr', 'ro']);
      for (const variant of template.variants) {
        expect(variant.body.length).toBeLessThanOrEqual(2000);
        const parsed = parseTemplateBody(variant.body);
        expect(parsed, `${template.id}/${variant.language}`).toMatchObject({ ok: true });
        if (variant.language === 'en' && parsed.ok) expect(parsed.alternatives.length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('the default after-hours reply reads well when closed and for urgent cases', async () => {
    await templateStoreFor(server.services).ensureDefaults();
    const closed = await preview('after-hours', { channel: 'x', language: 'de', priority: 'P3', at: FRIDAY_EVENING });
    expect(closed.body.text).toBe('Danke für deine Nachricht, Alex. Unser Team ist gerade nicht erreichbar, aber wir sind Montag um 09:00 wieder da und deine Nachricht gehört zu den ersten, die wir beantworten.');
    const urgent = await preview('after-hours', { channel: 'x', language: 'es', priority: 'P1', at: FRIDAY_EVENING });
    expect(urgent.body.text).toBe('Gracias por tu mensaje, Alex. Ahora mismo nuestro equipo está fuera de horario, pero alguien de guardia te responderá en un plazo de 15 minutos.');
  });
});
