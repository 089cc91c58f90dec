// Reply templates: variants per channel and language, stored in the `templates` table (one row per variant), with
// an in-memory copy that the synchronous ingest hook renders from. The copy is loaded at start, reloaded after
// every change made through the API, and re-read lazily (at most every REFRESH_MS, triggered by ingest) so that
// changes made by another process show up too.
import { eq, inArray } from 'drizzle-orm';
import { detectLanguage, type Decision, type Mention, type Priority, type Settings } from '@mentionflow/engine';
import type { Db } from '../db/database.ts';
import { templates } from '../db/schema.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services.ts';
import type { IngestHooks } from '../ingest/mention-ingest.ts';
import { ApiError, notFound, type FieldIssue } from '../http/api-error.ts';
import { audited, type Audit, type Changed } from './event-log.ts';
import {
  alternativeIndex,
  expectedResponse,
  isPhraseLanguage,
  parseTemplateBody,
  renderAlternative,
  type ParsedAlternative,
  type PhraseLanguage,
  type TemplateValues,
} from './template-renderer.ts';

/** `*` stands for every channel, or every language. */
export const ANY = '*';

export interface TemplateVariantInput {
  readonly channel: string;
  readonly language: string;
  readonly body: string;
}

export interface TemplateDefinition {
  readonly id: string;
  readonly description: string;
  readonly variants: readonly TemplateVariantInput[];
}

export interface StoredTemplate {
  id: string;
  description: string;
  updatedAt: string;
  variants: { channel: string; language: string; body: string; alternatives: number }[];
}

/** What a rendered template action carries, besides the action itself. */
export interface RenderedTemplate {
  readonly text: string;
  readonly variant: { readonly channel: string; readonly language: string };
  /** Every alternative of the variant, rendered; `text` is the one picked for the mention. */
  readonly alternatives: readonly string[];
  readonly values: TemplateValues;
}

/** How the text of a template action is worked out for one mention. */
export interface RenderContext {
  readonly channel: string;
  /** The mention's language (see `mentionLanguage`). */
  readonly language: string;
  readonly settings: Settings;
  readonly priority: Priority;
  /** When the decision is made: the expected response is counted from here. */
  readonly at: Date;
  /** Picks the alternative; omitted, the first one. */
  readonly mentionId?: string;
  readonly author?: { readonly handle: string; readonly name?: string };
  /** The incident topic the notice link points to. */
  readonly topic?: string;
  /** The agent who sends the reply (reply time only). */
  readonly agent?: { readonly initials: string };
  /** Values given by hand (previews): they win over the computed ones. */
  readonly overrides?: TemplateValues;
}

const TEMPLATE_ID = /^[a-z0-9][a-z0-9_-]*$/;
const REFRESH_MS = 2000;

export function isTemplateId(id: string): boolean {
  return id.length >= 1 && id.length <= 60 && TEMPLATE_ID.test(id);
}

const variantKey = (channel: string, language: string) => `${channel}\u0000${language}`;

/**
 * The variant for a mention on `channel` in `language`, most specific first: the exact channel and language; the
 * language on any channel; the channel in any language; the channel in the workspace default language; any channel
 * and any language; the default language on any channel. A variant for another channel is never used.
 */
export function chooseVariant<V extends { channel: string; language: string }>(variants: Iterable<V>, channel: string, language: string, defaultLanguage: string): V | undefined {
  const byKey = new Map<string, V>();
  for (const variant of variants) byKey.set(variantKey(variant.channel, variant.language), variant);
  const order: [string, string][] = [
    [channel, language],
    [ANY, language],
    [channel, ANY],
    [channel, defaultLanguage],
    [ANY, ANY],
    [ANY, defaultLanguage],
  ];
  for (const [wantedChannel, wantedLanguage] of order) {
    const found = byKey.get(variantKey(wantedChannel, wantedLanguage));
    if (found) return found;
  }
  return undefined;
}

/** The primary language subtag: "fr-CA" → "fr". */
export function primaryLanguage(code: string): string {
  return code.toLowerCase().split('-')[0] ?? code;
}

/** The language to answer a mention in: the decision's `language` fact, the mention's `lang`, else detected. */
export function mentionLanguage(mention: Mention, decision: Pick<Decision, 'facts'>, settings: Settings): string {
  const fact = decision.facts.language;
  if (typeof fact === 'string' && fact) return primaryLanguage(fact);
  if (mention.lang) return primaryLanguage(mention.lang);
  return primaryLanguage(detectLanguage(mention.text, settings.defaultLanguage));
}

/** Render one variant (every alternative) for a context. */
export function renderVariant(alternatives: readonly ParsedAlternative[], variant: { channel: string; language: string }, context: RenderContext): RenderedTemplate {
  const values = valuesFor(variant, context);
  const rendered = alternatives.map((alternative) => renderAlternative(alternative, values));
  const index = context.mentionId === undefined ? 0 : alternativeIndex(context.mentionId, rendered.length);
  return { text: rendered[index] ?? '', variant: { channel: variant.channel, language: variant.language }, alternatives: rendered, values };
}

function phraseLanguage(variantLanguage: string, context: RenderContext): PhraseLanguage {
  for (const candidate of [variantLanguage, context.language, context.settings.defaultLanguage]) {
    if (candidate !== ANY && isPhraseLanguage(candidate)) return candidate;
  }
  return 'en';
}

function valuesFor(variant: { language: string }, context: RenderContext): TemplateValues {
  const expected = expectedResponse(context.priority, context.at, context.settings, phraseLanguage(variant.language, context));
  const values: TemplateValues = {
    expectedResponse: expected.text,
    afterHours: expected.afterHours,
    brand: context.settings.brand.names[0] ?? '',
    agent: Boolean(context.agent?.initials),
    ...(context.author ? { 'author.name': context.author.name?.trim() || context.author.handle, 'author.handle': context.author.handle } : {}),
    ...(context.agent?.initials ? { 'agent.initials': context.agent.initials } : {}),
    ...(context.topic ? { 'notice.link': `/notices/${encodeURIComponent(context.topic)}` } : {}),
  };
  const merged = { ...values, ...context.overrides };
  if (context.overrides?.['agent.initials'] !== undefined && context.overrides.agent === undefined) merged.agent = Boolean(context.overrides['agent.initials'].trim());
  return merged;
}

/** The incident topic a template action refers to: its own, else the notice or incident of the same decision. */
function topicOf(action: Record<string, unknown>, decision: Decision): string | undefined {
  if (typeof action.topic === 'string') return action.topic;
  for (const type of ['link_to_notice', 'publish_notice', 'open_incident']) {
    const found = decision.actions.find((candidate) => candidate.type === type && typeof candidate.topic === 'string');
    if (found) return found.topic as string;
  }
  return undefined;
}

/** Validate a template's variants: every problem, each with its field. */
export function templateProblems(variants: readonly TemplateVariantInput[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  variants.forEach((variant, index) => {
    const key = variantKey(variant.channel, variant.language);
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ field: `variants.${index}`, message: `a second variant for channel “${variant.channel}” and language “${variant.language}” (the first is variants.${first})` });
    } else seen.set(key, index);
    const parsed = parseTemplateBody(variant.body);
    if (!parsed.ok) for (const issue of parsed.issues) issues.push({ field: `variants.${index}.body`, message: `line ${issue.line}: ${issue.message}` });
  });
  return issues;
}

interface CachedVariant {
  readonly channel: string;
  readonly language: string;
  readonly alternatives: readonly ParsedAlternative[];
}

export class TemplateStore {
  private cache = new Map<string, CachedVariant[]>();
  private loads: Promise<void> = Promise.resolve();
  private lastLoadStarted = -Infinity;
  private refreshing = false;
  /** Resolves once the templates are in memory (or the first load failed, which is logged). */
  readonly ready: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.ready = this.reload().catch((error) => this.logger.log('error', 'templates_load_failed', { error: (error as Error).message }));
  }

  // -- Storage ----------------------------------------------------------------------------------------------------

  async list(): Promise<StoredTemplate[]> {
    const rows = await this.db.select().from(templates).orderBy(templates.id, templates.channel, templates.language);
    return group(rows);
  }

  async get(id: string): Promise<StoredTemplate> {
    const template = await this.find(id);
    if (!template) throw notFound(`template “${id}”`);
    return template;
  }

  /** Replace every variant of `id` (creating it if new). Strict: every problem is a 422 naming its field. */
  async save(
    id: string,
    input: { description: string; variants: readonly TemplateVariantInput[] },
    audit?: Audit<Changed<StoredTemplate | undefined, StoredTemplate>>,
  ): Promise<{ template: StoredTemplate; created: boolean }> {
    if (!isTemplateId(id)) throw badId(id);
    const issues: FieldIssue[] = input.variants.length === 0 ? [{ field: 'variants', message: 'a template needs at least one variant' }] : templateProblems(input.variants);
    if (issues.length > 0) throw new ApiError(422, 'validation_failed', `${issues[0]!.field}: ${issues[0]!.message}`, issues);
    const updatedAt = this.clock.now();
    const rows = input.variants.map((variant) => ({ id, channel: variant.channel, language: variant.language, body: variant.body, description: input.description, updatedAt }));
    // One transaction: the old variants go and the new ones arrive together (with the audit entry), or nothing changes.
    const { before, after } = await audited(this.db, audit, async (tx) => {
      const before = await this.find(id, tx);
      await tx.delete(templates).where(eq(templates.id, id));
      await tx.insert(templates).values(rows);
      return { before, after: (await this.find(id, tx))! };
    });
    await this.reload();
    return { template: after, created: before === undefined };
  }

  async delete(id: string, audit?: Audit<{ before: StoredTemplate }>): Promise<void> {
    await audited(this.db, audit, async (tx) => {
      const before = await this.find(id, tx);
      if (!before) throw notFound(`template “${id}”`);
      await tx.delete(templates).where(eq(templates.id, id));
      return { before };
    });
    await this.reload();
  }

  private async find(id: string, db: Db = this.db): Promise<StoredTemplate | undefined> {
    const rows = await db.select().from(templates).where(eq(templates.id, id)).orderBy(templates.channel, templates.language);
    return group(rows)[0];
  }

  /** Insert the default templates whose id is missing (the team's own are never touched). Returns the ids added. */
  async ensureDefaults(definitions: readonly TemplateDefinition[] = DEFAULT_TEMPLATES): Promise<string[]> {
    const ids = definitions.map((definition) => definition.id);
    const present = new Set((await this.db.selectDistinct({ id: templates.id }).from(templates).where(inArray(templates.id, ids))).map((row) => row.id));
    const missing = definitions.filter((definition) => !present.has(definition.id));
    if (missing.length > 0) {
      const updatedAt = this.clock.now();
      const rows = missing.flatMap((definition) =>
        definition.variants.map((variant) => ({ id: definition.id, channel: variant.channel, language: variant.language, body: variant.body, description: definition.description, updatedAt })),
      );
      await this.db.insert(templates).values(rows).onConflictDoNothing();
    }
    await this.reload();
    return missing.map((definition) => definition.id);
  }

  // -- The in-memory copy -------------------------------------------------------------------------------------------

  /** Re-read every template (they are few and small). Loads run one after another, so the last one wins. */
  reload(): Promise<void> {
    const run = this.loads.then(() => this.load());
    this.loads = run.catch(() => undefined);
    return run;
  }

  /** Re-read in the background when the copy is older than REFRESH_MS (changes from other processes). */
  refreshSoon(): void {
    if (this.refreshing || performance.now() - this.lastLoadStarted < REFRESH_MS) return;
    this.refreshing = true;
    this.reload()
      .catch((error) => this.logger.log('warn', 'templates_refresh_failed', { error: (error as Error).message }))
      .finally(() => (this.refreshing = false));
  }

  private async load(): Promise<void> {
    this.lastLoadStarted = performance.now();
    const rows = await this.db.select().from(templates);
    const next = new Map<string, CachedVariant[]>();
    for (const row of rows) {
      const parsed = parseTemplateBody(row.body);
      if (!parsed.ok) {
        // Only bodies written around the API get here: skip the variant, say so once per load.
        this.logger.log('warn', 'template_invalid', { template: row.id, channel: row.channel, language: row.language, problems: parsed.issues.map((issue) => `line ${issue.line}: ${issue.message}`) });
        continue;
      }
      const list = next.get(row.id) ?? [];
      list.push({ channel: row.channel, language: row.language, alternatives: parsed.alternatives });
      next.set(row.id, list);
    }
    this.cache = next;
  }

  /** Render template `id` from memory for a context; undefined when there is no such template or no variant fits. */
  renderCached(id: string, context: RenderContext): RenderedTemplate | { missing: 'template' | 'variant' } {
    const variants = this.cache.get(id);
    if (!variants) return { missing: 'template' };
    const variant = chooseVariant(variants, context.channel, context.language, context.settings.defaultLanguage);
    if (!variant) return { missing: 'variant' };
    return renderVariant(variant.alternatives, variant, context);
  }

  /**
   * Complete a decision: every action naming a template gets `text` (rendered in the mention's language) and
   * `templateVariant`; one whose template is missing gets `missingTemplate: true` instead. Never throws.
   */
  decorate(mention: Mention, decision: Decision, settings: Settings, at: number = this.clock.now()): Decision {
    this.refreshSoon();
    if (!decision.actions.some((action) => typeof action.template === 'string')) return decision;
    let language: string | undefined;
    const actions = decision.actions.map((action) => {
      if (typeof action.template !== 'string') return action;
      const { text: _text, templateVariant: _variant, missingTemplate: _missing, ...plain } = action;
      try {
        language ??= mentionLanguage(mention, decision, settings);
        const topic = topicOf(action, decision);
        const rendered = this.renderCached(action.template, {
          channel: mention.channel,
          language,
          settings,
          priority: decision.priority,
          at: new Date(at),
          mentionId: mention.id,
          author: mention.author,
          ...(topic ? { topic } : {}),
        });
        if ('missing' in rendered) {
          this.logger.log('warn', rendered.missing === 'template' ? 'template_missing' : 'template_variant_missing', {
            template: action.template,
            action: action.type,
            mentionId: mention.id,
            channel: mention.channel,
            language,
          });
          return { ...plain, missingTemplate: true };
        }
        return { ...plain, text: rendered.text, templateVariant: rendered.variant };
      } catch (error) {
        this.logger.log('warn', 'template_render_failed', { template: action.template, mentionId: mention.id, error: (error as Error).message });
        return { ...plain, missingTemplate: true };
      }
    });
    return { ...decision, actions };
  }
}

function badId(id: string): ApiError {
  return new ApiError(400, 'bad_request', `“${id}” is not a template id: use lower-case letters, digits, "-" and "_" (at most 60)`);
}

function group(rows: (typeof templates.$inferSelect)[]): StoredTemplate[] {
  const byId = new Map<string, StoredTemplate>();
  for (const row of rows) {
    let template = byId.get(row.id);
    if (!template) {
      template = { id: row.id, description: row.description, updatedAt: new Date(row.updatedAt).toISOString(), variants: [] };
      byId.set(row.id, template);
    }
    if (row.updatedAt > Date.parse(template.updatedAt)) template.updatedAt = new Date(row.updatedAt).toISOString();
    const parsed = parseTemplateBody(row.body);
    template.variants.push({ channel: row.channel, language: row.language, body: row.body, alternatives: parsed.ok ? parsed.alternatives.length : 0 });
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// One store per server, shared by the API, the ingest hook and the demo seeding.

const stores = new WeakMap<Services, TemplateStore>();

export function templateStoreFor(services: Services): TemplateStore {
  let store = stores.get(services);
  if (!store) {
    store = new TemplateStore(services.database.db, services.clock, services.logger);
    stores.set(services, store);
  }
  return store;
}

/** The ingest hook: decisions carry their reply texts, rendered in the mention's language. */
export function templateHooks(services: Services): IngestHooks {
  const store = templateStoreFor(services);
  return { decorate: (mention, decision, settings) => store.decorate(mention, decision, settings) };
}

// ---------------------------------------------------------------------------------------------------------------
// The default templates (the demo seeding installs them with `ensureDefaults()`).

const SIGNATURE = '{{#agent}} – {{agent.initials}}{{/agent}}';
const alternatives = (...bodies: string[]) => bodies.join('\n---\n');
const everyChannel = (bodies: Record<'en' | 'fr' | 'es' | 'ro' | 'de', string>): TemplateVariantInput[] =>
  Object.entries(bodies).map(([language, body]) => ({ channel: ANY, language, body }));

export const DEFAULT_TEMPLATES: readonly TemplateDefinition[] = [
  {
    id: 'acknowledgement',
    description: 'Lets the customer know we have their message and when to expect an answer.',
    variants: everyChannel({
      en: alternatives(
        `Hi {{author.name}}, thanks for reaching out! We’ve got your message and {{^afterHours}}someone from the team will get back to you within {{expectedResponse}}.{{/afterHours}}{{#afterHours}}the team will pick it up when we’re back, {{expectedResponse}}.{{/afterHours}}${SIGNATURE}`,
        `Thanks {{author.name}}, message received! {{^afterHours}}We’ll get back to you within {{expectedResponse}}.{{/afterHours}}{{#afterHours}}We’re offline right now, but we’ll be back {{expectedResponse}} and will reply then.{{/afterHours}}${SIGNATURE}`,
      ),
      fr: alternatives(
        `Bonjour {{author.name}}, merci pour votre message ! Nous l’avons bien reçu et {{^afterHours}}quelqu’un de l’équipe vous répond sous {{expectedResponse}}.{{/afterHours}}{{#afterHours}}l’équipe s’en occupera dès son retour, {{expectedResponse}}.{{/afterHours}}${SIGNATURE}`,
        `Merci {{author.name}}, message bien reçu ! {{^afterHours}}Nous revenons vers vous d’ici {{expectedResponse}}.{{/afterHours}}{{#afterHours}}L’équipe est absente pour le moment : nous serons de retour {{expectedResponse}} et vous répondrons à ce moment-là.{{/afterHours}}${SIGNATURE}`,
      ),
      es: alternatives(
        `Hola {{author.name}}, ¡gracias por escribirnos! Hemos recibido tu mensaje y {{^afterHours}}alguien del equipo te responderá en un plazo de {{expectedResponse}}.{{/afterHours}}{{#afterHours}}el equipo lo atenderá en cuanto vuelva, {{expectedResponse}}.{{/afterHours}}${SIGNATURE}`,
        `¡Gracias, {{author.name}}! Mensaje recibido. {{^afterHours}}Te respondemos en menos de {{expectedResponse}}.{{/afterHours}}{{#afterHours}}Ahora mismo estamos fuera de horario, pero volvemos {{expectedResponse}} y te contestaremos entonces.{{/afterHours}}${SIGNATURE}`,
      ),
      ro: alternatives(
        `Bună, {{author.name}}! Îți mulțumim că ne-ai scris. Am primit mesajul tău și {{^afterHours}}cineva din echipă îți va răspunde în cel mult {{expectedResponse}}.{{/afterHours}}{{#afterHours}}echipa se va ocupa de el când revine, {{expectedResponse}}.{{/afterHours}}${SIGNATURE}`,
        `Mulțumim, {{author.name}}, am primit mesajul! {{^afterHours}}Revenim cu un răspuns în cel mult {{expectedResponse}}.{{/afterHours}}{{#afterHours}}Acum suntem în afara programului, dar revenim {{expectedResponse}} și îți răspundem atunci.{{/afterHours}}${SIGNATURE}`,
      ),
      de: alternatives(
        `Hallo {{author.name}}, danke für deine Nachricht! Wir haben sie erhalten und {{^afterHours}}jemand aus dem Team meldet sich innerhalb von {{expectedResponse}} bei dir.{{/afterHours}}{{#afterHours}}wir melden uns {{expectedResponse}} bei dir, sobald das Team wieder da ist.{{/afterHours}}${SIGNATURE}`,
        `Danke, {{author.name}}, deine Nachricht ist angekommen! {{^afterHours}}Wir antworten dir innerhalb von {{expectedResponse}}.{{/afterHours}}{{#afterHours}}Gerade sind wir nicht im Dienst, aber ab {{expectedResponse}} sind wir wieder für dich da.{{/afterHours}}${SIGNATURE}`,
      ),
    }),
  },
  {
    id: 'complaint-acknowledgement',
    description: 'For a customer who is upset: an apology that sounds like a person, and when they will hear from us.',
    variants: everyChannel({
      en: alternatives(
        `{{author.name}}, we’re really sorry about this. It’s not the experience we want you to have. We’ve passed your message to the right people{{^afterHours}} and someone will get back to you within {{expectedResponse}}{{/afterHours}}{{#afterHours}}, and they’ll pick it up first thing {{expectedResponse}}{{/afterHours}}.${SIGNATURE}`,
        `Sorry to hear this, {{author.name}}. You deserved better, and we want to put it right. {{^afterHours}}Someone from our team is looking into it and will reply within {{expectedResponse}}.{{/afterHours}}{{#afterHours}}Our team is offline right now; they’ll look into it as soon as we’re back, {{expectedResponse}}.{{/afterHours}}${SIGNATURE}`,
      ),
      fr: `{{author.name}}, nous sommes vraiment désolés : ce n’est pas l’expérience que nous voulons vous offrir. Nous avons transmis votre message à la bonne équipe{{^afterHours}}, qui vous répondra sous {{expectedResponse}}{{/afterHours}}{{#afterHours}}, qui s’en occupera dès son retour, {{expectedResponse}}{{/afterHours}}.${SIGNATURE}`,
      es: `{{author.name}}, lo sentimos de verdad: no es la experiencia que queremos darte. Ya hemos pasado tu mensaje al equipo adecuado{{^afterHours}}, que te responderá en un plazo de {{expectedResponse}}{{/afterHours}}{{#afterHours}}, que se ocupará de ello en cuanto vuelva, {{expectedResponse}}{{/afterHours}}.${SIGNATURE}`,
      ro: `{{author.name}}, ne pare foarte rău: nu asta e experiența pe care ne-o dorim pentru tine. Am trimis mesajul tău echipei potrivite{{^afterHours}}, care îți va răspunde în cel mult {{expectedResponse}}{{/afterHours}}{{#afterHours}}, care se va ocupa de el imediat ce revine, {{expectedResponse}}{{/afterHours}}.${SIGNATURE}`,
      de: `{{author.name}}, das tut uns wirklich leid, so soll es nicht laufen. Wir haben deine Nachricht an das richtige Team weitergegeben{{^afterHours}}, das sich innerhalb von {{expectedResponse}} bei dir meldet{{/afterHours}}{{#afterHours}}, das sich {{expectedResponse}} darum kümmert, sobald es wieder da ist{{/afterHours}}.${SIGNATURE}`,
    }),
  },
  {
    id: 'move-to-private',
    description: 'Invites the customer to continue in a private message, so personal details stay out of public view.',
    variants: everyChannel({
      en: alternatives(
        `Hi {{author.name}}, to keep your details safe, let’s continue this in private. Could you send us a direct message? We’ll take it from there.${SIGNATURE}`,
        `Thanks {{author.name}}! So we can look into this without sharing anything personal here, please drop us a private message and we’ll pick it up right away.${SIGNATURE}`,
      ),
      fr: `Bonjour {{author.name}}, pour protéger vos informations, poursuivons en privé : pouvez-vous nous envoyer un message privé ? Nous prendrons le relais à partir de là.${SIGNATURE}`,
      es: `Hola {{author.name}}, para proteger tus datos, sigamos por privado. ¿Nos escribes un mensaje directo? Te ayudamos desde ahí.${SIGNATURE}`,
      ro: `Bună, {{author.name}}! Ca să-ți protejăm datele, hai să continuăm în privat. Ne poți trimite un mesaj direct? Preluăm noi de acolo.${SIGNATURE}`,
      de: `Hallo {{author.name}}, damit deine Daten geschützt bleiben, lass uns privat weitermachen. Schickst du uns eine Direktnachricht? Dann kümmern wir uns sofort darum.${SIGNATURE}`,
    }),
  },
  {
    id: 'after-hours',
    description: 'Sent when a customer writes while the team is closed: when we are back (or, for urgent cases, when the on-call team answers).',
    variants: everyChannel({
      en: alternatives(
        `Thanks for your message, {{author.name}}. Our team is offline right now{{#afterHours}}, but we’re back {{expectedResponse}} and yours will be one of the first messages we answer{{/afterHours}}{{^afterHours}}, but someone on call will get back to you within {{expectedResponse}}{{/afterHours}}.`,
        `Hi {{author.name}}, you’ve caught us outside our opening hours. {{#afterHours}}We’ll be back {{expectedResponse}} and will reply to you then.{{/afterHours}}{{^afterHours}}Don’t worry: someone on call will reply within {{expectedResponse}}.{{/afterHours}}`,
      ),
      fr: `Merci pour votre message, {{author.name}}. Notre équipe est absente pour le moment{{#afterHours}}, mais nous serons de retour {{expectedResponse}} et votre message sera parmi les premiers traités{{/afterHours}}{{^afterHours}}, mais une personne d’astreinte vous répondra sous {{expectedResponse}}{{/afterHours}}.`,
      es: `Gracias por tu mensaje, {{author.name}}. Ahora mismo nuestro equipo está fuera de horario{{#afterHours}}, pero volvemos {{expectedResponse}} y tu mensaje será de los primeros que atendamos{{/afterHours}}{{^afterHours}}, pero alguien de guardia te responderá en un plazo de {{expectedResponse}}{{/afterHours}}.`,
      ro: `Mulțumim pentru mesaj, {{author.name}}. Echipa noastră nu e disponibilă acum{{#afterHours}}, dar revenim {{expectedResponse}} și mesajul tău va fi printre primele la care răspundem{{/afterHours}}{{^afterHours}}, dar un coleg de gardă îți va răspunde în cel mult {{expectedResponse}}{{/afterHours}}.`,
      de: `Danke für deine Nachricht, {{author.name}}. Unser Team ist gerade nicht erreichbar{{#afterHours}}, aber wir sind {{expectedResponse}} wieder da und deine Nachricht gehört zu den ersten, die wir beantworten{{/afterHours}}{{^afterHours}}, aber jemand aus dem Bereitschaftsdienst meldet sich innerhalb von {{expectedResponse}} bei dir{{/afterHours}}.`,
    }),
  },
  {
    id: 'outage-notice',
    description: 'The public notice for an incident: we know, we are on it, and where the updates are.',
    variants: everyChannel({
      en: alternatives(
        `We know some of you are having trouble right now, and we’re sorry. Our team is on it and working on a fix.{{#notice.link}} We’ll post updates here: {{notice.link}}{{/notice.link}}`,
        `Heads up: we’re aware of a problem{{#brand}} affecting {{brand}}{{/brand}} and we’re working to fix it as fast as we can.{{#notice.link}} Follow the updates here: {{notice.link}}{{/notice.link}} Thanks for bearing with us.`,
      ),
      fr: `Nous savons que certains d’entre vous rencontrent des difficultés en ce moment, et nous en sommes désolés. Notre équipe est mobilisée pour corriger le problème.{{#notice.link}} Suivez les mises à jour ici : {{notice.link}}{{/notice.link}}`,
      es: `Sabemos que algunas personas están teniendo problemas ahora mismo y lo sentimos mucho. Nuestro equipo ya está trabajando para solucionarlo.{{#notice.link}} Sigue las novedades aquí: {{notice.link}}{{/notice.link}}`,
      ro: `Știm că unii dintre voi întâmpină probleme în acest moment și ne pare rău. Echipa noastră lucrează deja la o soluție.{{#notice.link}} Urmăriți noutățile aici: {{notice.link}}{{/notice.link}}`,
      de: `Wir wissen, dass es gerade bei einigen von euch Probleme gibt, und das tut uns leid. Unser Team arbeitet bereits an einer Lösung.{{#notice.link}} Updates findet ihr hier: {{notice.link}}{{/notice.link}}`,
    }),
  },
  {
    id: 'follow-up',
    description: 'A few days after a case is resolved: checking that everything is really fine.',
    variants: everyChannel({
      en: alternatives(
        `Hi {{author.name}}, just checking in: is everything sorted on your side? If anything’s still not right, reply here and we’ll jump back in.${SIGNATURE}`,
        `Hello again {{author.name}}! We wanted to make sure everything is fully resolved for you. If there’s anything else we can do, we’re just a message away.${SIGNATURE}`,
      ),
      fr: `Bonjour {{author.name}}, nous voulions simplement prendre de vos nouvelles : tout est rentré dans l’ordre de votre côté ? Si quelque chose ne va toujours pas, répondez-nous ici et nous reprenons le sujet.${SIGNATURE}`,
      es: `Hola {{author.name}}, solo queríamos saber cómo va todo: ¿quedó resuelto? Si algo sigue sin funcionar, respóndenos aquí y lo retomamos.${SIGNATURE}`,
      ro: `Bună, {{author.name}}! Voiam doar să ne asigurăm că totul e în regulă acum. Dacă mai e ceva ce nu merge, răspunde-ne aici și ne ocupăm imediat.${SIGNATURE}`,
      de: `Hallo {{author.name}}, wir wollten kurz nachfragen: Ist bei dir inzwischen alles wieder in Ordnung? Falls nicht, antworte einfach hier und wir kümmern uns weiter darum.${SIGNATURE}`,
    }),
  },
  {
    id: 'personal-event',
    description: 'The day after a personal event the customer told us about (a birthday, a wedding, a trip): a warm word, nothing to sell.',
    variants: everyChannel({
      en: alternatives(
        `Hi {{author.name}}, we hope it all went wonderfully! Thanks again for sharing it with us, and if there’s ever anything we can do, just let us know.${SIGNATURE}`,
        `{{author.name}}, we’ve been thinking of you and hope everything went just the way you wanted! You know where to find us if you need anything.${SIGNATURE}`,
      ),
      fr: `Bonjour {{author.name}}, nous espérons que tout s’est merveilleusement bien passé ! Merci encore de l’avoir partagé avec nous, et n’hésitez pas à nous écrire si nous pouvons faire quoi que ce soit.${SIGNATURE}`,
      es: `Hola {{author.name}}, ¡esperamos que todo haya salido de maravilla! Gracias de nuevo por compartirlo con nosotros y, si necesitas algo, aquí estamos.${SIGNATURE}`,
      ro: `Bună, {{author.name}}! Sperăm că totul a decurs minunat. Îți mulțumim încă o dată că ne-ai povestit, iar dacă te putem ajuta cu ceva, suntem aici.${SIGNATURE}`,
      de: `Hallo {{author.name}}, wir hoffen, es war einfach wunderbar! Danke nochmal, dass du es mit uns geteilt hast, und wenn wir etwas für dich tun können, melde dich gern.${SIGNATURE}`,
    }),
  },
];


/** For the demo seeding (`seedDemoWorkspace(services, rulesDir, [installDefaultTemplates])`): the defaults, once. */
export async function installDefaultTemplates(services: Services): Promise<void> {
  await templateStoreFor(services).ensureDefaults();
}
