// Term lists: the normal form, whole-word matching across our five languages, and the list schema.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeText, tokenize } from '../packages/engine/src/text/normalize.ts';
import { TermListSchema, compileTerms, termsOf, textContainsTerms, type TermList } from '../packages/engine/src/text/terms.ts';

function matcherSees(list: TermList, text: string): boolean {
  const normalized = normalizeText(text);
  return compileTerms(list).matches(normalized, new Set(tokenize(normalized)));
}

function matchedIn(list: TermList, text: string): string[] {
  const normalized = normalizeText(text);
  return compileTerms(list).matched(normalized, new Set(tokenize(normalized)));
}

describe('normalizeText', () => {
  it('folds case and accents, turns apostrophes and punctuation into single spaces, and pads', () => {
    expect(normalizeText("Je suis BLOQUÉ à l'aéroport!!")).toBe(' je suis bloque a l aeroport ');
    expect(normalizeText('I can’t log in')).toBe(' i can t log in ');
    expect(normalizeText('it`s ʼok')).toBe(' it s ok ');
  });

  it('folds Romanian comma-below and cedilla letters alike', () => {
    expect(normalizeText('URGENȚĂ, ştiu, șin, ţară')).toBe(' urgenta stiu sin tara ');
  });

  it('spells out ß, æ and œ', () => {
    expect(normalizeText('Straße Æsop cœur')).toBe(' strasse aesop coeur ');
  });

  it('keeps letters of any script and drops emoji', () => {
    expect(normalizeText('Привет 👍👍 мир')).toBe(' привет мир ');
    expect(normalizeText('😡😡')).toBe(' ');
  });

  it('gives a single space for empty text', () => {
    expect(normalizeText('')).toBe(' ');
    expect(normalizeText('   ')).toBe(' ');
  });

  it('tokenizes into the words, in order', () => {
    expect(tokenize(normalizeText('No, NO... no!'))).toEqual(['no', 'no', 'no']);
    expect(tokenize(' ')).toEqual([]);
  });
});

describe('term matching across languages', () => {
  const urgency: TermList = {
    en: ['urgent', 'emergency', 'asap', 'stranded', 'stuck'],
    fr: ['bloqué', 'coincé', 'urgence'],
    es: ['urgente', 'atrapado'],
    ro: ['blocat', 'urgență'],
    de: ['dringend'],
  };

  it.each([
    ['This is URGENT, please call me', 'urgent'],
    ['Medical emergency on board!', 'emergency'],
    ['need a refund asap.', 'asap'],
    ['Stranded in Frankfurt', 'stranded'],
    ["I'm stuck at gate B12", 'stuck'],
    ["Je suis BLOQUE à l'aéroport", 'bloqué'],
    ['coince a Orly depuis 5h', 'coincé'],
    ["C'est une urgence !", 'urgence'],
    ['Es urgente, por favor', 'urgente'],
    ['Estoy atrapado en Madrid', 'atrapado'],
    ['Sunt blocat în aeroport', 'blocat'],
    ['e urgenta!!', 'urgență'],
    ['E URGENŢĂ (cu sedilă)', 'urgență'],
    ['Bitte dringend melden', 'dringend'],
  ])('finds a term in %j', (text, term) => {
    expect(matcherSees(urgency, text)).toBe(true);
    expect(matchedIn(urgency, text)).toEqual([term]);
    expect(textContainsTerms(text, urgency)).toBe(true);
  });

  it('finds nothing in an unrelated mention', () => {
    expect(matcherSees(urgency, 'What time does the store open on Sunday?')).toBe(false);
    expect(textContainsTerms('What time does the store open on Sunday?', urgency)).toBe(false);
  });

  const broken: TermList = ['not working', 'ne marche pas', 'no funciona', 'nu merge', "can't log in"];

  it.each([
    ['The app is NOT working again', 'not working'],
    ['ça ne marche pas du tout', 'ne marche pas'],
    ['La app no funciona!!', 'no funciona'],
    ['Aplicația nu merge de ieri', 'nu merge'],
    ['I can’t log in since the update', "can't log in"],
    ["I CAN'T LOG IN", "can't log in"],
    ['i cant log in', "can't log in"],
  ])('finds the phrase in %j', (text, phrase) => {
    expect(matchedIn(broken, text)).toEqual([phrase]);
  });

  it('matches a phrase only as whole words, in order', () => {
    expect(matcherSees(broken, 'working, not really')).toBe(false);
    expect(matcherSees(broken, 'nothing working')).toBe(false);
    expect(matcherSees(broken, 'I can log in')).toBe(false);
    expect(matcherSees(broken, 'nu mergem acolo')).toBe(false);
  });
});

describe('whole-word matching', () => {
  it('matches a word whatever its case and surrounding punctuation', () => {
    for (const text of ['REFUND!!', 'Refund?', 'I want a refund.', '#refund', '(refund)']) {
      expect(matcherSees(['refund'], text)).toBe(true);
    }
  });

  it('does not match inside a longer word', () => {
    expect(matcherSees(['refund'], 'I was refunded yesterday')).toBe(false);
    expect(matcherSees(['urgent'], 'urgently')).toBe(false);
    expect(matcherSees(['stuck'], 'unstuck')).toBe(false);
  });

  it('ignores accents on either side', () => {
    expect(matcherSees(['bloque'], 'Je suis bloqué')).toBe(true);
    expect(matcherSees(['Bloqué'], 'je suis bloque')).toBe(true);
    expect(matcherSees(['café'], 'cafe')).toBe(true);
  });

  it('works whichever of the text and the list is larger', () => {
    const longList = Array.from({ length: 50 }, (_, i) => `word${i}`).concat(['late']);
    expect(matcherSees(longList, 'late')).toBe(true);
    const longText = `${'filler '.repeat(50)}late`;
    expect(matcherSees(['late'], longText)).toBe(true);
    expect(matcherSees(['early'], longText)).toBe(false);
  });
});

describe('compileTerms', () => {
  it('finds a term exactly when it lists it among the matched, whichever side it walks', () => {
    // Phrases are searched only where their first word is in the text: the answer must not change.
    const word = fc.constantFrom('late', 'refund', 'can', 't', 'log', 'in', 'not', 'working', 'vol', 'de', 'nuit', 'bloqué', 'x');
    const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const list = fc.array(fc.oneof(word, phrase, fc.constant("can't log in")), { minLength: 0, maxLength: 40 });
    const text = fc.array(fc.oneof(word, fc.constantFrom('!', ', ', 'the', 'flight', '…')), { maxLength: 60 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(list, text, (terms, written) => {
        expect(matcherSees(terms, written)).toBe(matchedIn(terms, written).length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('reports matched terms in list order and original spelling', () => {
    const list: TermList = { en: ['Refund', 'late'], fr: ['Remboursement'] };
    expect(matchedIn(list, 'remboursement please, the flight was late and no refund')).toEqual(['Refund', 'late', 'Remboursement']);
  });

  it('lets a mention in one language hit another language’s terms', () => {
    expect(matcherSees({ fr: ['bloqué'], en: ['stuck'] }, 'I am bloqué in Paris')).toBe(true);
  });

  it('leaves out terms with no letters or digits', () => {
    const matcher = compileTerms(['!!!', '🙂', 'help']);
    expect(matcher.terms).toEqual(['help']);
    const normalized = normalizeText('!!! 🙂');
    expect(matcher.matches(normalized, new Set(tokenize(normalized)))).toBe(false);
  });

  it('matches nothing with an empty list', () => {
    expect(matcherSees([], 'anything at all')).toBe(false);
    expect(matcherSees({}, 'anything at all')).toBe(false);
  });
});

describe('termsOf', () => {
  it('flattens every language and drops repeats, keeping the spelling', () => {
    expect(termsOf({ en: ['urgent', 'Stuck'], fr: ['bloqué', 'urgent'] })).toEqual(['urgent', 'Stuck', 'bloqué']);
    expect(termsOf(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });
});

describe('TermListSchema', () => {
  it('accepts a plain list and a list by language', () => {
    expect(TermListSchema.safeParse(['urgent', 'not working']).success).toBe(true);
    expect(TermListSchema.safeParse({ en: ['urgent'], fr: ['bloqué'], fil: ['agad'] }).success).toBe(true);
  });

  it('rejects empty and blank terms', () => {
    expect(TermListSchema.safeParse(['urgent', '']).success).toBe(false);
    expect(TermListSchema.safeParse(['   ']).success).toBe(false);
    expect(TermListSchema.safeParse({ en: [''] }).success).toBe(false);
  });

  it('rejects a term longer than 200 characters', () => {
    expect(TermListSchema.safeParse(['x'.repeat(200)]).success).toBe(true);
    expect(TermListSchema.safeParse(['x'.repeat(201)]).success).toBe(false);
  });

  it('rejects language keys that are not 2–3 lowercase letters', () => {
    expect(TermListSchema.safeParse({ EN: ['urgent'] }).success).toBe(false);
    expect(TermListSchema.safeParse({ english: ['urgent'] }).success).toBe(false);
    expect(TermListSchema.safeParse({ 'en-US': ['urgent'] }).success).toBe(false);
  });

  it('rejects non-string terms', () => {
    expect(TermListSchema.safeParse([1, 2]).success).toBe(false);
    expect(TermListSchema.safeParse('urgent').success).toBe(false);
  });

  it('allows 500 terms and rejects 501, counting across languages', () => {
    const terms = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(TermListSchema.safeParse(terms(500, 't')).success).toBe(true);
    const tooMany = TermListSchema.safeParse(terms(501, 't'));
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toMatch(/at most 500 terms/);
    expect(TermListSchema.safeParse({ en: terms(250, 'e'), fr: terms(250, 'f') }).success).toBe(true);
    const split = TermListSchema.safeParse({ en: terms(250, 'e'), fr: terms(251, 'f') });
    expect(split.success).toBe(false);
    expect(split.error?.issues[0]?.message).toMatch(/501/);
  });
});

describe('a long term list', () => {
  const list = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? `word${i}` : `first${i} second${i}`));

  it('finds a phrase among many', () => {
    expect(matcherSees(list, 'ok so FIRST399 second399!')).toBe(true);
    expect(matchedIn(list, 'first1 second1 and word398')).toEqual(['first1 second1', 'word398']);
  });

  it('does not match a phrase whose words are apart or reversed', () => {
    expect(matcherSees(list, 'first399 then second399')).toBe(false);
    expect(matcherSees(list, 'second399 first399')).toBe(false);
  });
});

describe('matches', () => {
  it('agrees with the terms it reports, whichever of the text and the list is larger', () => {
    const word = fc.constantFrom('refund', 'can', 't', 'log', 'in', 'not', 'working', 'urgent', 'bloqué', 'ne', 'marche', 'pas', 'x');
    const term = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 12 }), fc.array(word, { maxLength: 30 }), (list, words) => {
        expect(matcherSees(list, words.join(' '))).toBe(matchedIn(list, words.join(' ')).length > 0);
      }),
      { numRuns: 3_000 },
    );
  });
});
