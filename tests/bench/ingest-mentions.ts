// Request bodies for the ingest benchmark: realistic ~600-byte mentions (en/fr/es/ro/de, varied authors and
// channels) from the deterministic generator, pre-serialized so that building a request costs a string join.
// Every body gets a unique id and a createdAt of "just now" (minus the template's age), as a live feed has.
import { createRng, generateMentions } from './synthetic-mentions.ts';

export interface MentionTemplate {
  /** The mention's JSON without `id` and `createdAt`, and without the opening brace. */
  readonly tail: string;
  /** How long before the request the mention was posted (ms). */
  readonly ageMs: number;
}

/** `count` templates whose JSON (with id and createdAt) is ~`targetBytes` on average (±20%). */
export function mentionTemplates(count = 2_000, seed = 20_260_301, targetBytes = 580): MentionTemplate[] {
  const { mentions, recipes } = generateMentions(count * 3, seed);
  const rng = createRng(seed ^ 0x5eed);
  const byLanguage = new Map<string, string[]>();
  recipes.forEach((recipe, index) => {
    const texts = byLanguage.get(recipe.language) ?? [];
    texts.push(mentions[index]!.text);
    byLanguage.set(recipe.language, texts);
  });
  const templates: MentionTemplate[] = [];
  for (let index = 0; index < count; index++) {
    const { id: _id, createdAt: _createdAt, ...rest } = mentions[index]!;
    const language = recipes[index]!.language;
    const target = Math.round(targetBytes * (0.8 + rng.next() * 0.4));
    // Longer posts (reviews, e-mails, threads): more of the same language until the body reaches its size.
    const overhead = Buffer.byteLength(JSON.stringify({ id: 'bench-single-full-0000000', createdAt: '2026-03-02T10:00:00.000Z', ...rest, text: '' }));
    let text = rest.text;
    while (overhead + Buffer.byteLength(JSON.stringify(text)) < target) text += rng.chance(0.5) ? ` ${rng.pick(byLanguage.get(language)!)}` : `. ${rng.pick(byLanguage.get(language)!)}`;
    // Too long by a fragment: drop whole words from the end.
    while (text.includes(' ') && overhead + Buffer.byteLength(JSON.stringify(text)) > target + 30) text = text.slice(0, text.lastIndexOf(' '));
    templates.push({ tail: JSON.stringify({ ...rest, text }).slice(1), ageMs: rng.int(0, 120) * 1000 });
  }
  return templates;
}

/** One mention's JSON. */
export function mentionJson(template: MentionTemplate, id: string, now: number): string {
  return `{"id":"${id}","createdAt":"${new Date(now - template.ageMs).toISOString()}",${template.tail}`;
}

/** A JSON array of `size` mentions with ids `${prefix}-${first}` … `${prefix}-${first + size - 1}`. */
export function batchJson(templates: readonly MentionTemplate[], prefix: string, first: number, size: number, now: number): string {
  const parts: string[] = new Array(size);
  for (let offset = 0; offset < size; offset++) parts[offset] = mentionJson(templates[(first + offset) % templates.length]!, `${prefix}-${first + offset}`, now);
  return `[${parts.join(',')}]`;
}
