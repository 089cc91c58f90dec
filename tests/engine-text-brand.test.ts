// Brand mentions: by @handle, by #hashtag, or by name alone (the usual case: customers rarely tag the brand).
import { describe, it, expect } from 'vitest';
import { brandMention, compileBrand, type BrandIdentity, type BrandMentionType } from '../packages/engine/src/text/brand.ts';
import { normalizeText } from '../packages/engine/src/text/normalize.ts';

const acme: BrandIdentity = {
  names: ['Acme Air', 'Café Bleu'],
  handles: ['@AcmeAir', 'acme.help'],
  hashtags: ['#AcmeFail', 'flyacme'],
};

const cases: [string, BrandMentionType][] = [
  ['@AcmeAir my bag is gone', 'handle'],
  ['hey @acmeair.', 'handle'],
  ['@ACMEAIR: where is my refund?', 'handle'],
  ['thanks @acme.help!', 'handle'],
  ['cc @AcmeAirlines', 'none'],
  // An e-mail address is no handle, but it does name the brand (as "acmeair.com" does).
  ['write to info@acmeair.com', 'name'],
  ['@acmeair_support please', 'name'],
  ['lost my bag again #AcmeFail', 'hashtag'],
  ['#flyacme was great', 'hashtag'],
  ['#AcmeFailure is a different tag', 'none'],
  ['acme air lost my bag', 'name'],
  ['ACME-AIR lost my bag', 'name'],
  ['Flying Acme Air tomorrow', 'name'],
  ['booked on acmeair.com', 'name'],
  ['cafe bleu was lovely', 'name'],
  ['CAFÉ BLEU', 'name'],
  ['acme airlines is another company', 'none'],
  ['my air conditioner is broken', 'none'],
  ['', 'none'],
  ['@AcmeAir #AcmeFail Acme Air', 'handle'],
  ['#AcmeFail acme air', 'hashtag'],
];

describe('brandMention', () => {
  it.each(cases)('classifies %j as %s', (text, expected) => {
    expect(brandMention(text, acme)).toBe(expected);
  });

  it('finds nothing for a brand with no identity', () => {
    expect(brandMention('@acmeair #acmefail acme air', { names: [], handles: [], hashtags: [] })).toBe('none');
  });

  it('ignores empty entries in the settings', () => {
    const sloppy: BrandIdentity = { names: [' ', ''], handles: ['@', ''], hashtags: ['#'] };
    expect(brandMention('@ # anything', sloppy)).toBe('none');
  });

  it('recognises a single-word name only as a whole word', () => {
    const brand: BrandIdentity = { names: ['Zest'], handles: [], hashtags: [] };
    expect(brandMention('ZEST app crashed', brand)).toBe('name');
    expect(brandMention('zesty food', brand)).toBe('none');
  });
});

describe('compileBrand', () => {
  it('agrees with brandMention on every case', () => {
    const match = compileBrand(acme);
    for (const [text, expected] of cases) {
      expect(match(text, normalizeText(text))).toBe(expected);
    }
  });
});
