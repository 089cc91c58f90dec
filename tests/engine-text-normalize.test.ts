// The shared normal form read in one scan: the same words as the regular-expression version it replaced, for every
// character, and a text's clauses found in the same pass (the same words as normalizing clause by clause).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { clausedWords, joinWords, normalizeText, tokenize } from '../packages/engine/src/text/normalize.ts';

// The normal form as it was defined before the scan: regular expressions over the NFKD, lowercased text.
function referenceNormalize(text: string): string {
  const foldNonAscii = (run: string): string =>
    run
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæœøłđ]/g, (letter) => ({ ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' })[letter] ?? letter)
      .replace(/(?:[^\p{L}\p{N}]|ʼ)+/gu, ' ');
  let folded = text.normalize('NFKD').toLowerCase().replace(/[\u0300-\u036f]+/g, '').replace(/[^a-z0-9\u0080-\uffff]+/g, ' ');
  if (/[\u0080-\uffff]/.test(folded)) folded = folded.replace(/[\u0080-\uffff]+/g, foldNonAscii).replace(/ {2,}/g, ' ');
  const words = folded.trim();
  return words === '' ? ' ' : ` ${words} `;
}

// Clauses as sentiment split them before: the raw text cut at the breaks, each normalized on its own.
function referenceClauses(text: string): { words: string[]; clauseStarts: number[] } {
  const words: string[] = [];
  const clauseStarts: number[] = [];
  for (const clause of text.split(/[,;.!?:\n()\u2026\u2013\u2014]+/)) {
    const start = words.length;
    for (const word of tokenize(referenceNormalize(clause))) {
      words.push(word);
      clauseStarts.push(start);
    }
  }
  return { words, clauseStarts };
}

// Characters where normal forms go wrong: accents precomposed and combining, folded letters, ʼ, Greek sigma
// (lowercased by context), ligatures and fractions NFKD spreads out, emoji, lone surrogates, other scripts,
// clause breaks, and the control character the clause scan uses as its mark.
const TRICKY = [
  'a', 'Z', '7', ' ', '-', "'", '’', 'ʼ', '.', ',', ';', ':', '!', '?', '(', ')', '\n', '…', '–', '—', '\u0001',
  'é', 'E\u0301', '\u0301', '\u0326', 'ș', 'Ț', 'ß', 'ẞ', 'Æ', 'œ', 'Ø', 'ł', 'Đ', 'İ', 'Σ', 'ς', 'σ', 'ΑΣ', 'Ϲ',
  'ﬁ', '½', 'Ⅻ', '㎏', 'ǅ', '\u00a0', '\u2028', '\ufeff', '😡', '👍🏽', '❤️', '𝐀', '\ud83d', '\ude00', 'Привет',
  '東京', 'مرحبا', '١٢٣', 'K', '\u200d', '#', '@', '©',
];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(trickyText, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('normalizeText', () => {
  it('gives the reference form for every BMP character, alone and inside a word', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      for (const text of [character, `a${character}b`, `${character}${character}x`]) {
        if (normalizeText(text) !== referenceNormalize(text)) {
          expect({ code: code.toString(16), text: normalizeText(text) }).toEqual({ code: code.toString(16), text: referenceNormalize(text) });
        }
      }
    }
  });

  it('gives the reference form for astral characters', () => {
    for (let code = 0x10000; code <= 0x10ffff; code += 7) {
      const text = `a${String.fromCodePoint(code)}b ${String.fromCodePoint(code)}`;
      if (normalizeText(text) !== referenceNormalize(text)) expect(normalizeText(text)).toBe(referenceNormalize(text));
    }
  });

  it('gives the reference form for any text', () => {
    fc.assert(fc.property(anyText, (text) => normalizeText(text) === referenceNormalize(text)), { numRuns: 5_000 });
  });

  it('joins words back into the padded form', () => {
    expect(joinWords(['je', 'suis'])).toBe(' je suis ');
    expect(joinWords([])).toBe(' ');
  });
});

describe('clausedWords', () => {
  it('reads the words of each clause, noting where each clause starts', () => {
    expect(clausedWords('Not good. Not bad, thanks!')).toEqual({
      words: ['not', 'good', 'not', 'bad', 'thanks'],
      clauseStarts: [0, 0, 2, 2, 4],
      sameAsWhole: true,
    });
  });

  it('finds the same words as normalizing clause by clause', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { words, clauseStarts } = clausedWords(text);
        expect({ words, clauseStarts }).toEqual(referenceClauses(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('says when its words are also the whole text’s words, which they are unless a capital sigma is around', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const claused = clausedWords(text);
        if (claused.sameAsWhole) expect(claused.words).toEqual(tokenize(normalizeText(text)));
      }),
      { numRuns: 5_000 },
    );
    // Lowercasing reads Σ's neighbours: final ς before a clause break, σ when the text goes on.
    expect(clausedWords('ΑΣ.Α').words).toEqual(['ας', 'α']);
    expect(tokenize(normalizeText('ΑΣ.Α'))).toEqual(['ασ', 'α']);
    expect(clausedWords('ΑΣ.Α').sameAsWhole).toBe(false);
  });

  it('reads a text that holds the clause mark character itself', () => {
    expect(clausedWords('not\u0001good, ok')).toEqual({ words: ['not', 'good', 'ok'], clauseStarts: [0, 0, 2], sameAsWhole: false });
  });
});
