// Deterministic synthetic mentions for benchmarks: varied channels, kinds, languages, topics, personal data and
// brand references, all valid per MentionSchema. Same seed, same mentions, on every machine.
import type { Mention } from '../../packages/engine/src/mention/mention-schema.ts';
import { SettingsSchema, type Settings } from '../../packages/engine/src/mention/settings-schema.ts';

// ---------------------------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32): fast, 32-bit state, good enough for test data. Never Math.random.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick by weight: `[[value, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items (or all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted(entries) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    sample(items, count) {
      const copy = [...items];
      for (let index = copy.length - 1; index > 0; index--) {
        const other = Math.floor(next() * (index + 1));
        [copy[index], copy[other]] = [copy[other]!, copy[index]!];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------------------------
// Workspace settings the synthetic mentions are written for.

/** Parsed, so settings the schema defaults (and any added later) are filled in. */
export const BENCH_SETTINGS: Settings = SettingsSchema.parse({
  brand: { names: ['Acme Air'], handles: ['@acmeair'], hashtags: ['#AcmeAir'] },
  timezone: 'Europe/Paris',
  businessHours: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '18:00' },
  defaultLanguage: 'en',
});

// ---------------------------------------------------------------------------------------------------------------
// Text fragments by language and topic. Rule generators draw their term lists from the same vocabulary.

export const LANGUAGES = ['en', 'fr', 'es', 'ro', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TOPICS = ['urgency', 'billing', 'complaint', 'praise', 'outage', 'question'] as const;
export type Topic = (typeof TOPICS)[number];

const FRAGMENTS: Record<Language, Record<Topic, readonly string[]>> = {
  en: {
    urgency: [
      'URGENT: I need help right now',
      'please respond asap, my flight leaves in an hour',
      "I'm stranded at the airport with two kids",
      'this is an emergency, answer immediately',
      'still waiting for an answer, this is urgent!!',
    ],
    billing: [
      'I want a refund for my cancelled flight',
      'why was I charged twice for the same booking?',
      'my invoice shows the wrong amount',
      'when do I get my money back?',
      'there is a billing error on my card statement',
    ],
    complaint: [
      'worst airline ever, terrible service',
      'you lost my luggage again',
      'the staff at the gate were so rude',
      'three hours of delay and nobody tells us anything, awful',
      'absolutely disgusting customer service',
    ],
    praise: [
      'thank you so much, the crew was great!',
      'amazing flight, loved every minute',
      'thanks for the quick help, really appreciated',
      'best landing ever, well done pilots',
      'great service today, keep it up',
    ],
    outage: [
      "the app is down, can't log in",
      'website not working, checkout error every time',
      'online check-in keeps crashing',
      'is there an outage? booking page gives an error',
    ],
    question: [
      'what is the baggage allowance on flight AC1234?',
      'when does check-in open for tomorrow?',
      'can I change my seat after booking?',
      'how do I add a bag to my reservation?',
      'is there wifi on the Lisbon flight?',
    ],
  },
  fr: {
    urgency: [
      "urgent, je suis bloqué à l'aéroport",
      'répondez vite svp, mon vol part dans une heure',
      "c'est une urgence, aidez-moi immédiatement",
      'toujours aucune réponse, urgent !!',
    ],
    billing: [
      'je veux un remboursement pour mon vol annulé',
      "j'ai été débité deux fois pour la même réservation",
      'la facture est fausse',
      'quand est-ce que je serai remboursé ?',
    ],
    complaint: [
      "service nul, c'est inadmissible",
      'ils ont perdu ma valise encore une fois',
      "personnel impoli à l'embarquement, honteux",
      'trois heures de retard sans information, lamentable',
    ],
    praise: [
      'merci beaucoup, équipage super !',
      'vol génial, bravo à toute l’équipe',
      'merci pour votre aide rapide, top',
      'service impeccable aujourd’hui, merci',
    ],
    outage: [
      "l'appli ne marche pas, impossible de me connecter",
      'site en panne depuis ce matin',
      "l'enregistrement en ligne ne fonctionne pas",
    ],
    question: [
      'quelle est la franchise bagages pour le vol AC1234 ?',
      "quand ouvre l'enregistrement pour demain ?",
      'est-ce que je peux changer mon siège ?',
      'comment ajouter un bagage à ma réservation ?',
    ],
  },
  es: {
    urgency: [
      'urgente, estoy atrapado en el aeropuerto',
      'respondan ya por favor, mi vuelo sale en una hora',
      'es una emergencia, ayuda inmediatamente',
      'sigo sin respuesta, ¡urgente!',
    ],
    billing: [
      'quiero un reembolso por mi vuelo cancelado',
      'me cobraron dos veces la misma reserva',
      'la factura tiene un importe incorrecto',
      '¿cuándo me devuelven el dinero?',
    ],
    complaint: [
      'servicio pésimo, es una vergüenza',
      'perdieron mi maleta otra vez',
      'el personal de la puerta fue muy grosero',
      'tres horas de retraso y nadie informa, lamentable',
    ],
    praise: [
      'muchas gracias, la tripulación fue excelente',
      'me encanta volar con ustedes',
      'gracias por la ayuda rápida, genial',
      'vuelo perfecto, bravo',
    ],
    outage: [
      'la app no funciona, no puedo iniciar sesión',
      'la web está caída desde esta mañana',
      'el check-in online da error',
    ],
    question: [
      '¿cuál es el equipaje permitido en el vuelo AC1234?',
      '¿cuándo abre la facturación para mañana?',
      '¿puedo cambiar mi asiento después de reservar?',
      '¿cómo añado una maleta a mi reserva?',
    ],
  },
  ro: {
    urgency: [
      'urgent, sunt blocat în aeroport',
      'vă rog răspundeți repede, zborul pleacă într-o oră',
      'este o urgență, ajutați-mă imediat',
      'tot niciun răspuns, urgent!!',
    ],
    billing: [
      'vreau rambursarea banilor pentru zborul anulat',
      'am fost taxat de două ori pentru aceeași rezervare',
      'factura are o sumă greșită',
      'când primesc banii înapoi?',
    ],
    complaint: [
      'servicii penibile, bătaie de joc',
      'mi-au pierdut bagajul din nou',
      'personalul de la poartă a fost nepoliticos',
      'trei ore întârziere și nicio informație, inadmisibil',
    ],
    praise: [
      'mulțumesc frumos, echipaj minunat',
      'zbor excelent, bravo',
      'mersi pentru ajutorul rapid',
      'servicii foarte bune azi, felicitări',
    ],
    outage: [
      'aplicația nu merge, nu mă pot conecta',
      'site-ul e căzut de dimineață',
      'check-in-ul online nu funcționează',
    ],
    question: [
      'care este limita de bagaj pentru zborul AC1234?',
      'când se deschide check-in-ul pentru mâine?',
      'pot să schimb locul după rezervare?',
      'cum adaug un bagaj la rezervare?',
    ],
  },
  de: {
    urgency: [
      'dringend, ich sitze am Flughafen fest',
      'bitte sofort antworten, mein Flug geht in einer Stunde',
      'das ist ein Notfall, helfen Sie mir sofort',
      'immer noch keine Antwort, dringend!!',
    ],
    billing: [
      'ich möchte eine Rückerstattung für meinen stornierten Flug',
      'mir wurde die Buchung doppelt abgebucht',
      'die Rechnung hat einen falschen Betrag',
      'wann bekomme ich mein Geld zurück?',
    ],
    complaint: [
      'schlechteste Airline überhaupt, eine Frechheit',
      'mein Koffer ist schon wieder verloren',
      'das Personal am Gate war unverschämt',
      'drei Stunden Verspätung und keine Information, mies',
    ],
    praise: [
      'vielen Dank, tolle Crew!',
      'super Flug, danke schön',
      'danke für die schnelle Hilfe, toll',
      'perfekter Service heute, weiter so',
    ],
    outage: [
      'die App funktioniert nicht, Login geht nicht',
      'die Webseite ist seit heute Morgen down',
      'der Online-Check-in zeigt nur einen Fehler',
    ],
    question: [
      'wie viel Gepäck ist auf Flug AC1234 erlaubt?',
      'wann öffnet der Check-in für morgen?',
      'kann ich meinen Sitzplatz nach der Buchung ändern?',
      'wie füge ich einen Koffer zur Buchung hinzu?',
    ],
  },
};

/** The vocabulary term lists are drawn from: by topic, every language, words and phrases that occur in the texts. */
export const TOPIC_TERMS: Record<Topic, readonly string[]> = {
  urgency: [
    'urgent', 'asap', 'stranded', 'emergency', 'immediately', 'right now', 'urgence', 'bloqué', 'vite',
    'immédiatement', 'urgente', 'atrapado', 'emergencia', 'inmediatamente', 'urgență', 'blocat', 'imediat',
    'repede', 'dringend', 'sofort', 'Notfall', 'sitze am Flughafen fest',
  ],
  billing: [
    'refund', 'charged twice', 'invoice', 'money back', 'billing', 'remboursement', 'remboursé', 'débité',
    'facture', 'reembolso', 'cobraron', 'factura', 'devuelven el dinero', 'rambursarea', 'taxat', 'banii înapoi',
    'Rückerstattung', 'abgebucht', 'Rechnung', 'Geld zurück',
  ],
  complaint: [
    'worst', 'terrible', 'lost my luggage', 'rude', 'awful', 'disgusting', 'nul', 'inadmissible', 'perdu',
    'valise', 'impoli', 'honteux', 'lamentable', 'pésimo', 'vergüenza', 'maleta', 'grosero', 'penibile',
    'bătaie de joc', 'pierdut', 'bagajul', 'nepoliticos', 'inadmisibil', 'schlechteste', 'Frechheit', 'Koffer',
    'verloren', 'unverschämt', 'mies',
  ],
  praise: [
    'thank you', 'thanks', 'great', 'amazing', 'loved', 'well done', 'merci', 'super', 'génial', 'bravo', 'top',
    'impeccable', 'gracias', 'excelente', 'encanta', 'genial', 'mulțumesc', 'minunat', 'excelent', 'mersi',
    'felicitări', 'danke', 'Dank', 'toll', 'perfekter', 'weiter so',
  ],
  outage: [
    'down', "can't log in", 'not working', 'error', 'outage', 'crashing', 'ne marche pas', 'en panne',
    'impossible de me connecter', 'ne fonctionne pas', 'no funciona', 'caída', 'da error', 'nu merge', 'căzut',
    'nu funcționează', 'nu mă pot conecta', 'funktioniert nicht', 'geht nicht', 'Fehler',
  ],
  question: [
    'baggage', 'allowance', 'check-in', 'seat', 'wifi', 'bagages', 'franchise', 'enregistrement', 'siège',
    'equipaje', 'facturación', 'asiento', 'bagaj', 'locul', 'Gepäck', 'Sitzplatz',
  ],
};

/** A fixed 30-term multilingual list (urgency, refunds, outages in five languages), for term-matching costs. */
export const TERMS_30: readonly string[] = [
  'urgent', 'stranded', 'refund', 'charged twice', "can't log in", 'not working',
  'bloqué', 'remboursement', 'débité', 'ne marche pas', 'en panne', 'urgence',
  'urgente', 'reembolso', 'cobraron', 'no funciona', 'atrapado', 'caída',
  'blocat', 'rambursarea', 'taxat', 'nu merge', 'urgență', 'căzut',
  'dringend', 'Rückerstattung', 'abgebucht', 'funktioniert nicht', 'Notfall', 'sofort',
];

const PII_INTROS: Record<Language, Record<'email' | 'phone' | 'card' | 'iban' | 'order', string>> = {
  en: { email: 'my email is', phone: 'call me at', card: 'my card number is', iban: 'refund to my IBAN', order: 'booking ref' },
  fr: { email: 'mon mail :', phone: 'appelez-moi au', card: 'ma carte', iban: 'mon IBAN est', order: 'numéro de commande' },
  es: { email: 'mi correo es', phone: 'llámenme al', card: 'mi tarjeta es la', iban: 'mi IBAN es', order: 'localizador' },
  ro: { email: 'emailul meu este', phone: 'sunați-mă la', card: 'cardul meu', iban: 'IBAN-ul meu este', order: 'rezervarea' },
  de: { email: 'meine E-Mail ist', phone: 'rufen Sie mich an unter', card: 'meine Karte', iban: 'meine IBAN lautet', order: 'Buchungsnummer' },
};

const EMOJI = ['😡', '🙏', '👍', '😢', '✈️', '🤬', '❤️', '🙄'];
const FIRST_NAMES = ['jane', 'marc', 'lucia', 'andrei', 'jonas', 'emma', 'pierre', 'sofia', 'ion', 'lena', 'tom', 'ana'];
const LAST_NAMES = ['doe', 'martin', 'garcia', 'popescu', 'muller', 'smith', 'dubois', 'lopez', 'ionescu', 'schmidt'];
const DOMAINS = ['example.com', 'mail.fr', 'correo.es', 'posta.ro', 'web.de', 'gmail.com'];

// IBANs with valid checksums (standard published examples); German ones are also generated below.
const FIXED_IBANS = [
  'FR76 3000 6000 0112 3456 7890 189',
  'ES91 2100 0418 4502 0005 1332',
  'RO49 AAAA 1B31 0075 9384 0000',
  'GB29 NWBK 6016 1331 9268 19',
  'BE68 5390 0754 7034',
];

function digits(rng: Rng, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++) out += String(rng.int(0, 9));
  return out;
}

function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let double = true;
  for (let index = payload.length - 1; index >= 0; index--) {
    let digit = payload.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return (10 - (sum % 10)) % 10;
}

/** A 16-digit Visa-like number; Luhn-valid unless `valid` is false. Grouped by 4 (space or dash) or one block. */
function cardNumber(rng: Rng, valid: boolean): string {
  const payload = `4${digits(rng, 14)}`;
  const check = luhnCheckDigit(payload);
  const number = payload + String(valid ? check : (check + rng.int(1, 9)) % 10);
  const separator = rng.weighted([[' ', 5], ['-', 2], ['', 2]] as const);
  return separator === '' ? number : number.match(/.{4}/g)!.join(separator);
}

function mod97(numeric: string): number {
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + (char.charCodeAt(0) - 48)) % 97;
  return remainder;
}

/** A German IBAN with a valid checksum: DE, check digits, 18-digit BBAN. */
function germanIban(rng: Rng): string {
  const bban = digits(rng, 18);
  const check = String(98 - mod97(`${bban}131400`)).padStart(2, '0');
  return `DE${check}${bban}`.match(/.{1,4}/g)!.join(' ');
}

function phoneNumber(rng: Rng, language: Language): string {
  switch (language) {
    case 'fr':
      return rng.chance(0.5) ? `06 ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}` : `+33 6 ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`;
    case 'es':
      return `+34 6${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 3)}`;
    case 'ro':
      return `+40 72${rng.int(0, 9)} ${digits(rng, 3)} ${digits(rng, 3)}`;
    case 'de':
      return `+49 151 ${digits(rng, 4)} ${digits(rng, 4)}`;
    default:
      return rng.chance(0.5) ? `+44 7911 ${digits(rng, 6)}` : `(415) 555-${digits(rng, 4)}`;
  }
}

type PiiKindMade = 'email' | 'phone' | 'card' | 'card_invalid' | 'iban' | 'order';

function piiSnippet(rng: Rng, language: Language, kind: PiiKindMade): string {
  const intro = PII_INTROS[language];
  switch (kind) {
    case 'email':
      return `${intro.email} ${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}${rng.int(1, 99)}@${rng.pick(DOMAINS)}`;
    case 'phone':
      return `${intro.phone} ${phoneNumber(rng, language)}`;
    case 'card':
      return `${intro.card} ${cardNumber(rng, true)}`;
    case 'card_invalid':
      return `${intro.card} ${cardNumber(rng, false)}`;
    case 'iban':
      return `${intro.iban} ${rng.chance(0.5) ? germanIban(rng) : rng.pick(FIXED_IBANS)}`;
    case 'order':
      return `${intro.order} ${rng.pick(['ABC', 'XKQ', 'PNR', 'LMZ'])}${digits(rng, 3)}`;
  }
}

export type BrandStyle = 'handle' | 'hashtag' | 'name' | 'none';

function brandReference(rng: Rng, style: BrandStyle): string {
  switch (style) {
    case 'handle':
      return rng.pick(['@acmeair', '@AcmeAir', 'hey @acmeair']);
    case 'hashtag':
      return rng.pick(['#AcmeAir', '#acmeair', '#AcmeAir #fail']);
    case 'name':
      return rng.pick(['Acme Air', 'acme air', 'ACME AIR', 'AcmeAir']);
    case 'none':
      return '';
  }
}

const CHANNEL_WEIGHTS = [
  ['x', 30], ['facebook', 18], ['instagram', 15], ['messenger', 10], ['whatsapp', 8], ['review', 7], ['email', 7], ['chat', 5],
] as const;
const PUBLIC_KINDS = [['post', 4], ['comment', 3], ['reply', 3], ['quote', 1], ['direct_message', 1]] as const;
const LANGUAGE_WEIGHTS = [['en', 35], ['fr', 20], ['es', 15], ['ro', 15], ['de', 15]] as const;
const TOPIC_WEIGHTS = [['urgency', 14], ['billing', 18], ['complaint', 22], ['praise', 14], ['outage', 12], ['question', 20]] as const;
const BRAND_WEIGHTS = [['handle', 35], ['hashtag', 15], ['name', 30], ['none', 20]] as const;
const PII_WEIGHTS = [['email', 3], ['phone', 3], ['card', 2], ['card_invalid', 1], ['iban', 2], ['order', 3]] as const;
const TIER_WEIGHTS = [['standard', 50], ['silver', 25], ['gold', 17], ['vip', 8]] as const;

const TEXT_MIN = 40;
const TEXT_MAX = 280;
const START = Date.parse('2025-03-03T00:00:00Z');
const FOUR_WEEKS_MINUTES = 28 * 24 * 60;

/** What a generated mention was built from, for reports (the mention itself stays schema-pure). */
export interface MentionRecipe {
  readonly language: Language;
  readonly topics: readonly Topic[];
  readonly brand: BrandStyle;
  readonly pii?: PiiKindMade;
}

function composeText(rng: Rng, language: Language): { text: string; recipe: MentionRecipe } {
  const topicCount = rng.weighted([[1, 3], [2, 4], [3, 3], [4, 1]] as const);
  const topics: Topic[] = [];
  while (topics.length < topicCount) {
    const topic = rng.weighted(TOPIC_WEIGHTS);
    if (!topics.includes(topic)) topics.push(topic);
  }
  const parts = topics.map((topic) => rng.pick(FRAGMENTS[language][topic]));
  const pii = rng.chance(0.22) ? rng.weighted(PII_WEIGHTS) : undefined;
  if (pii) parts.push(piiSnippet(rng, language, pii));
  const brand = rng.weighted(BRAND_WEIGHTS);
  const reference = brandReference(rng, brand);
  if (reference) {
    if (rng.chance(0.6)) parts.unshift(reference);
    else parts.push(reference);
  }
  if (rng.chance(0.2)) parts.push(rng.pick(EMOJI));
  let text = parts.join(rng.chance(0.7) ? ' ' : '. ');
  // Too long: drop topic fragments (never the brand or the personal data) until it fits.
  while (text.length > TEXT_MAX && parts.length > 1) {
    const index = parts.findIndex((part) => part !== reference && !(pii && part.startsWith(PII_INTROS[language][pii === 'card_invalid' ? 'card' : pii])));
    parts.splice(index === -1 ? 0 : index, 1);
    text = parts.join(' ');
  }
  // Too short: pad with more of the same language.
  while (text.length < TEXT_MIN) text += ` ${rng.pick(FRAGMENTS[language][rng.pick(TOPICS)])}`;
  if (text.length > TEXT_MAX) text = text.slice(0, TEXT_MAX);
  return { text, recipe: { language, topics, brand, ...(pii ? { pii } : {}) } };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** One mention per index; `recipes[i]` says what mention `i` was built from. */
export function generateMentions(count: number, seed = 1): { mentions: Mention[]; recipes: MentionRecipe[] } {
  const rng = createRng(seed);
  const mentions: Mention[] = [];
  const recipes: MentionRecipe[] = [];
  for (let index = 0; index < count; index++) {
    const language = rng.weighted(LANGUAGE_WEIGHTS);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const kind =
      channel === 'review'
        ? 'review'
        : channel === 'messenger' || channel === 'whatsapp' || channel === 'email' || channel === 'chat'
          ? 'direct_message'
          : rng.weighted(PUBLIC_KINDS);
    const { text, recipe } = composeText(rng, language);
    const createdAtMs = START + rng.int(0, FOUR_WEEKS_MINUTES) * 60_000 + rng.int(0, 59) * 1000;
    // Log-uniform reach: most authors are small, a few have up to a million followers.
    const followers = Math.min(1_000_000, Math.floor(Math.exp(rng.next() * Math.log(1_000_001))) - 1);
    const verified = rng.chance(followers > 100_000 ? 0.4 : 0.03);
    const id = `m-${String(index).padStart(6, '0')}`;
    const mention: Mention = {
      id,
      channel,
      kind,
      text,
      createdAt: iso(createdAtMs),
      author: {
        handle: `@${rng.pick(FIRST_NAMES)}_${rng.pick(LAST_NAMES)}${rng.int(1, 9999)}`,
        ...(rng.chance(0.6) ? { name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` } : {}),
        ...(rng.chance(0.9) ? { followers } : {}),
        ...(rng.chance(0.7) ? { verified } : {}),
      },
    };
    // Some hosts pass the language along; most leave it to detection.
    if (rng.chance(0.15)) Object.assign(mention, { lang: language });
    if (kind === 'review') Object.assign(mention, { rating: rng.int(1, 5) });
    if (rng.chance(0.4)) {
      const lastContact = rng.chance(0.5);
      Object.assign(mention, {
        customer: {
          id: `c-${rng.int(1, 50_000)}`,
          ...(rng.chance(0.85) ? { tier: rng.weighted(TIER_WEIGHTS) } : {}),
          ...(rng.chance(0.6) ? { lifetimeValue: rng.int(0, 20_000) } : {}),
          ...(rng.chance(0.5) ? { openTickets: rng.int(0, 3) } : {}),
          ...(lastContact ? { lastContactAt: iso(createdAtMs - rng.int(1, 60 * 24 * 14) * 60_000) } : {}),
          ...(lastContact && rng.chance(0.8) ? { lastContactChannel: rng.weighted(CHANNEL_WEIGHTS) } : {}),
        },
      });
    }
    if (rng.chance(0.5)) {
      Object.assign(mention, {
        conversationId: `conv-${rng.int(1, 100_000)}`,
        brandRepliesInConversation: rng.weighted([[0, 5], [1, 3], [2, 2], [3, 1]] as const),
        customerMessagesInConversation: rng.int(1, 6),
      });
    }
    mentions.push(mention);
    recipes.push(recipe);
  }
  return { mentions, recipes };
}
