// How a mention refers to the brand: by @handle, by #hashtag, or just by name. Most customers never tag
// the brand, so naming it in plain words ("acme air lost my bag") counts too.
import { normalizeText } from './normalize.ts';

export type BrandMentionType = 'handle' | 'hashtag' | 'name' | 'none';

/** How the brand is known on social networks: its names, @handles and #hashtags (sigils optional). */
export interface BrandIdentity {
  names: string[];
  handles: string[];
  hashtags: string[];
}

// Characters a handle or hashtag is made of; one right before or after a match means it belongs to a longer word.
const TAG_CHAR = /[\p{L}\p{N}_]/u;

function isTagChar(char: string | undefined): boolean {
  return char !== undefined && TAG_CHAR.test(char);
}

// "@acme.air" and "@acme-air" are handles on some networks, so a dot or dash followed by more handle
// characters carries the handle on; a dot at the end of a sentence does not.
function continuesHandle(text: string, index: number): boolean {
  const next = text[index];
  if (isTagChar(next)) return true;
  return (next === '.' || next === '-') && isTagChar(text[index + 1]);
}

function continuesHashtag(text: string, index: number): boolean {
  return isTagChar(text[index]);
}

// Whether `needle` (sigil included, lowercase) appears in `lowerText` as a whole handle or tag:
// not preceded by a word character (so "info@acmeair.com" is no handle) and not running on.
function containsTag(lowerText: string, needle: string, continues: (text: string, index: number) => boolean): boolean {
  let from = 0;
  for (;;) {
    const at = lowerText.indexOf(needle, from);
    if (at === -1) return false;
    if (!isTagChar(lowerText[at - 1]) && !continues(lowerText, at + needle.length)) return true;
    from = at + 1;
  }
}

// Settings may give "@AcmeAir" or "acmeair"; both mean the needle "@acmeair".
function tagNeedles(values: readonly string[], sigils: RegExp, sigil: string): string[] {
  const keys = values.map((value) => value.trim().replace(sigils, '').toLowerCase()).filter((key) => key !== '');
  return [...new Set(keys)].map((key) => sigil + key);
}

// A multi-word name is also looked for written as one word ("Acme Air" → "acmeair", "acmeair.com"),
// the way people type brand names in a hurry.
function nameNeedles(names: readonly string[]): string[] {
  const needles = new Set<string>();
  for (const name of names) {
    const normalized = normalizeText(name).trim();
    if (normalized === '') continue;
    needles.add(` ${normalized} `);
    if (normalized.includes(' ')) needles.add(` ${normalized.replaceAll(' ', '')} `);
  }
  return [...needles];
}

/**
 * Prepares the brand's identity once and returns the fast matcher used on every mention;
 * `normalizedText` is `normalizeText(text)`.
 */
export function compileBrand(brand: BrandIdentity): (text: string, normalizedText: string) => BrandMentionType {
  const handles = tagNeedles(brand.handles, /^@+/, '@');
  const hashtags = tagNeedles(brand.hashtags, /^[#＃]+/, '#');
  const names = nameNeedles(brand.names);

  return (text, normalizedText) => {
    const hasHandle = handles.length > 0 && text.includes('@');
    const hasHashtag = hashtags.length > 0 && (text.includes('#') || text.includes('＃'));
    if (hasHandle || hasHashtag) {
      const lowerText = text.toLowerCase().replaceAll('＃', '#');
      if (hasHandle && handles.some((handle) => containsTag(lowerText, handle, continuesHandle))) return 'handle';
      if (hasHashtag && hashtags.some((tag) => containsTag(lowerText, tag, continuesHashtag))) return 'hashtag';
    }
    if (names.some((name) => normalizedText.includes(name))) return 'name';
    return 'none';
  };
}

/** How `text` refers to the brand: `handle`, else `hashtag`, else `name`, else `none`. */
export function brandMention(text: string, brand: BrandIdentity): BrandMentionType {
  return compileBrand(brand)(text, normalizeText(text));
}
