// Personal data in mention text: what is found, what is not, and that hostile text cannot stall the finder.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { findPii, maskPii, piiKinds, type PiiFinding } from '../packages/engine/src/text/pii.ts';
import { nationalLayouts } from '../packages/engine/src/text/phone-layouts.ts';
import { passesLuhn } from '../packages/engine/src/text/luhn.ts';
import { EngineError } from '../packages/engine/src/errors.ts';

const COUNTRIES = [undefined, 'FR', 'ES', 'RO', 'DE', 'GB', 'US'] as const;

function found(text: string, defaultCountry?: string): string[] {
  return findPii(text, defaultCountry ? { defaultCountry } : {}).map((finding) => `${finding.kind}:${finding.value}`);
}

describe('phone numbers', () => {
  it('finds international numbers with their offsets', () => {
    const text = 'Call +33 6 12 34 56 78, +1 (415) 555-2671, +40 721 234 567 or +49 1512 3456789.';
    const findings = findPii(text);
    expect(findings.map((finding) => finding.value)).toEqual([
      '+33 6 12 34 56 78',
      '+1 (415) 555-2671',
      '+40 721 234 567',
      '+49 1512 3456789',
    ]);
    for (const finding of findings) {
      expect(finding.kind).toBe('phone');
      expect(text.slice(finding.start, finding.end)).toBe(finding.value);
    }
  });

  it('reads "00" as the international prefix and keeps "(0)"', () => {
    expect(found('tel 0033 6 12 34 56 78')).toEqual(['phone:0033 6 12 34 56 78']);
    expect(found('tel +33 (0)6 12 34 56 78')).toEqual(['phone:+33 (0)6 12 34 56 78']);
    expect(found('tel (+33) 6 12 34 56 78')).toEqual(['phone:(+33) 6 12 34 56 78']);
  });

  it('finds national numbers of the default country, formatted or not', () => {
    expect(found('appelez le 06 12 34 56 78', 'FR')).toEqual(['phone:06 12 34 56 78']);
    expect(found('appelez le 0612345678', 'FR')).toEqual(['phone:0612345678']);
    expect(found('appelez le 06.12.34.56.78', 'fr')).toEqual(['phone:06.12.34.56.78']);
    expect(found('sunați la 0721 234 567', 'RO')).toEqual(['phone:0721 234 567']);
    expect(found('sunați la 0721234567', 'RO')).toEqual(['phone:0721234567']);
    expect(found('call (415) 555-2671', 'US')).toEqual(['phone:(415) 555-2671']);
    expect(found('call 1-415-555-2671', 'US')).toEqual(['phone:1-415-555-2671']);
    expect(found('ruf an: 030/123456', 'DE')).toEqual(['phone:030/123456']);
  });

  it('without a default country, accepts national numbers only when grouped as their country prints them', () => {
    expect(found('appelez le 06 12 34 56 78')).toEqual(['phone:06 12 34 56 78']);
    expect(found('llámame al 612 34 56 78')).toEqual(['phone:612 34 56 78']);
    expect(found('sunați la 0721 234 567')).toEqual(['phone:0721 234 567']);
    expect(found('ruf an 01512 3456789')).toEqual(['phone:01512 3456789']);
    expect(found('ring 07400 123456')).toEqual(['phone:07400 123456']);
    expect(found('call (415) 555-2671')).toEqual(['phone:(415) 555-2671']);
    // An unformatted block of digits is as likely a reference as a phone number.
    expect(found('appelez le 0612345678')).toEqual([]);
    expect(found('llámame al 612345678')).toEqual([]);
  });

  it('needs the trunk prefix for a national number of the default country', () => {
    expect(found('call 612345678', 'FR')).toEqual([]);
    expect(found('call 30123456', 'DE')).toEqual([]);
    expect(found('call 030 123456', 'DE')).toEqual(['phone:030 123456']);
  });

  it('only counts valid numbers', () => {
    expect(found('+33 1 23', 'FR')).toEqual([]);
    expect(found('+1 (000) 555-2671')).toEqual([]);
    expect(found('06 12 34 56', 'FR')).toEqual([]);
  });

  it('separates two numbers typed one after the other', () => {
    expect(found('06 12 34 56 78 06 98 76 54 32')).toEqual(['phone:06 12 34 56 78', 'phone:06 98 76 54 32']);
  });

  it('throws INVALID_INPUT for an unknown default country', () => {
    expect(() => findPii('x', { defaultCountry: 'XX' })).toThrow(EngineError);
    try {
      findPii('x', { defaultCountry: 'France' });
    } catch (error) {
      expect((error as EngineError).code).toBe('INVALID_INPUT');
    }
  });
});

describe('payment cards', () => {
  it('checks Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('')).toBe(false);
    expect(passesLuhn('41111a1111111111')).toBe(false);
  });

  it('finds Luhn-valid numbers written in groups or as one block', () => {
    expect(found('card 4111 1111 1111 1111 thanks')).toEqual(['card:4111 1111 1111 1111']);
    expect(found('card 4111-1111-1111-1111')).toEqual(['card:4111-1111-1111-1111']);
    expect(found('card 4111111111111111.')).toEqual(['card:4111111111111111']);
    expect(found('amex 3782 822463 10005')).toEqual(['card:3782 822463 10005']);
    expect(found('mc 5555 5555 5555 4444')).toEqual(['card:5555 5555 5555 4444']);
  });

  it('leaves out a CVV or expiry typed right after the number', () => {
    expect(found('4111 1111 1111 1111 123 exp 12/26')).toEqual(['card:4111 1111 1111 1111']);
  });

  it('rejects Luhn-invalid numbers, and never reports their digits as a phone', () => {
    for (const country of COUNTRIES) {
      expect(found('card 4111 1111 1111 1112', country)).toEqual([]);
      expect(found('card 4111111111111112', country)).toEqual([]);
      expect(found('card 4111 1111 1111 1111', country)).toEqual(['card:4111 1111 1111 1111']);
    }
  });

  it('rejects digit lists, mixed separators, zeros and numbers glued to letters', () => {
    expect(found('1 2 3 4 5 6 7 8 9 0 1 2 4')).toEqual([]);
    expect(found('4111 1111-1111 1111')).toEqual([]);
    expect(found('0000 0000 0000 0000')).toEqual([]);
    expect(found('x4111111111111111')).toEqual([]);
    expect(found('4111111111111111abc')).toEqual([]);
  });
});

describe('IBANs', () => {
  it('finds valid IBANs with or without spaces, in any case', () => {
    expect(found('IBAN FR76 3000 6000 0112 3456 7890 189 merci')).toEqual(['iban:FR76 3000 6000 0112 3456 7890 189']);
    expect(found('DE89 3704 0044 0532 0130 00')).toEqual(['iban:DE89 3704 0044 0532 0130 00']);
    expect(found('cont RO49 AAAA 1B31 0075 9384 0000.')).toEqual(['iban:RO49 AAAA 1B31 0075 9384 0000']);
    expect(found('iban: fr7630006000011234567890189')).toEqual(['iban:fr7630006000011234567890189']);
  });

  it('rejects a wrong checksum and an IBAN running into a word', () => {
    expect(found('DE89 3704 0044 0532 0130 01')).toEqual([]);
    expect(found('DE89370400440532013000xyz')).toEqual([]);
  });

  it('finds an IBAN right after an IBAN-like word', () => {
    expect(found('ab12 FR76 3000 6000 0112 3456 7890 189')).toEqual(['iban:FR76 3000 6000 0112 3456 7890 189']);
  });

  it('wins over the card, phone and account number its digits could be', () => {
    for (const country of COUNTRIES) {
      expect(found('compte FR76 3000 6000 0112 3456 7890 189', country)).toEqual([
        'iban:FR76 3000 6000 0112 3456 7890 189',
      ]);
    }
  });
});

describe('e-mail addresses', () => {
  it('finds practical addresses', () => {
    expect(found('write to jane.doe+care@example.co.uk. Thanks')).toEqual(['email:jane.doe+care@example.co.uk']);
    expect(found('<support@mentionflow.io>')).toEqual(['email:support@mentionflow.io']);
    expect(found('josé@correo.es')).toEqual(['email:josé@correo.es']);
  });

  it('ignores handles and incomplete addresses', () => {
    expect(found('ping @mentionflow or me@localhost or a@b.c')).toEqual([]);
  });

  it('keeps digits in an address as part of the address', () => {
    expect(found('0612345678@example.com', 'FR')).toEqual(['email:0612345678@example.com']);
  });
});

describe('order, booking, ticket and account references', () => {
  it.each([
    ['order #12345', '12345'],
    ['my order number is 123456', '123456'],
    ['booking ref ABC123', 'ABC123'],
    ['confirmation code X7K9Q2', 'X7K9Q2'],
    ['PNR: ABC123', 'ABC123'],
    ['account 12345678', '12345678'],
    ['ticket no. 20240512-7', '20240512-7'],
    ['My order ORD-2024-00123 is late', 'ORD-2024-00123'],
    ['commande n° 45678', '45678'],
    ['numéro de commande 45678', '45678'],
    ['numero de commande : 45678', '45678'],
    ['compte 12345678', '12345678'],
    ['réservation ABC123', 'ABC123'],
    ['pedido 98765', '98765'],
    ['número de pedido 98765', '98765'],
    ['pedido n.º 98765', '98765'],
    ['cuenta 12345678', '12345678'],
    ['localizador XK42QZ', 'XK42QZ'],
    ['comanda 12345', '12345'],
    ['comanda nr. 12345', '12345'],
    ['comanda cu numărul 12345', '12345'],
    ['cont 12345678', '12345678'],
    ['Bestellnummer 123456', '123456'],
    ['Bestellung 123456', '123456'],
    ['Bestell-Nr.: 123456', '123456'],
    ['Kundennummer 123456', '123456'],
    ['Kundennummer 123 456 789', '123 456 789'],
  ])('%s → %s', (text, code) => {
    const findings = findPii(text);
    expect(findings.map((finding) => [finding.kind, finding.value])).toEqual([['order_number', code]]);
    expect(maskPii(text, findings)).toBe(text.replace(code, '[order_number]'));
  });

  it.each([
    'order 2 pizzas',
    'my account is locked',
    'booking ref abc123',
    'order 2024 was a good year',
    'order placed on 2024-05-12',
    'ticket 1299.00',
    'account for 12345678 years',
    'ORDER 123',
    'reorder 12345',
  ])('ignores %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('accepts a year-like number marked as a number', () => {
    expect(found('order #2024')).toEqual(['order_number:2024']);
  });

  it('wins over a phone number after its keyword', () => {
    expect(found('order 0612345678', 'FR')).toEqual(['order_number:0612345678']);
    expect(found('compte 06 12 34 56 78', 'FR')).toEqual(['phone:06 12 34 56 78']);
  });
});

describe('things that are not personal data', () => {
  const texts = [
    'Paid €1,299.00 and $1,299.99, or 1 299,00 € / 1.299,00 €',
    'Delivered 2024-05-12, 12/05/2024, 05/12/2024 and 12.05.2024 at 14:30 or 14h30',
    'Since 1999, in 2024, 20 000 followers, 1 000 000 views, 100%',
    'Flights AF1234 and LH 2024, gate 12, seat 34',
    'Server 192.168.1.254, version 2.10.4, pi 3.14159, 10.0.0.1',
    'open 9-18, 09:00-18:00, 24/7, 365 days, 2 for 1, 20-30 minutes',
    'SKU 8712345678906, zip 75008, PLZ 10115, call 112',
    'Dates 12/05/2024 12.05.2024 and 2024-05-12 14:30:00',
  ];
  it.each(COUNTRIES)('finds nothing with default country %s', (country) => {
    for (const text of texts) expect(found(text, country)).toEqual([]);
  });
});

describe('findPii', () => {
  const text =
    'Hi, I am jane@example.com, +33 6 12 34 56 78. Order #12345 was paid with 4111 1111 1111 1111 from FR76 3000 6000 0112 3456 7890 189.';

  it('returns every kind in text order', () => {
    expect(found(text)).toEqual([
      'email:jane@example.com',
      'phone:+33 6 12 34 56 78',
      'order_number:12345',
      'card:4111 1111 1111 1111',
      'iban:FR76 3000 6000 0112 3456 7890 189',
    ]);
  });

  it('lists distinct kinds in the fixed order', () => {
    expect(piiKinds(findPii(text))).toEqual(['email', 'phone', 'card', 'iban', 'order_number']);
    expect(piiKinds(findPii('call 06 12 34 56 78 or 06 98 76 54 32'))).toEqual(['phone']);
    expect(piiKinds([])).toEqual([]);
  });

  it('masks findings for logs', () => {
    expect(maskPii(text, findPii(text))).toBe(
      'Hi, I am [email], [phone]. Order #[order_number] was paid with [card] from [iban].',
    );
  });

  it('masks findings given in any order and skips overlapping or out-of-range ones', () => {
    const findings: PiiFinding[] = [
      { kind: 'phone', value: '0612345678', start: 5, end: 15 },
      { kind: 'email', value: 'a@b.io', start: 0, end: 4 },
      { kind: 'order_number', value: '1234', start: 10, end: 14 },
      { kind: 'card', value: '?', start: 14, end: 99 },
    ];
    expect(maskPii('a@b. 0612345678 end', findings)).toBe('[email] [phone] end');
    expect(maskPii('nothing here', [])).toBe('nothing here');
  });

  it('returns sorted, non-overlapping findings whose values match their offsets', () => {
    const pieces = fc.constantFrom(
      ' ', '.', '@', '+', '-', '(', ')', '/', ',', '0', '6', '1', '4', 'a', 'Z', 'order ', '#', 'fr76 ',
      'x@y.io', '06 12 34 56 78', '4111 1111 1111 1111', 'FR76 3000 6000 0112 3456 7890 189', '+33 6 12 34 56 78',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.constantFrom(...COUNTRIES), (parts, country) => {
        const sample = parts.join('');
        const findings = findPii(sample, country ? { defaultCountry: country } : {});
        let previousEnd = 0;
        for (const finding of findings) {
          expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(sample.slice(finding.start, finding.end)).toBe(finding.value);
          previousEnd = finding.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile input', () => {
  function pseudoRandom(length: number, alphabet: string): string {
    let seed = 12345;
    let text = '';
    for (let index = 0; index < length; index++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += alphabet[seed % alphabet.length];
    }
    return text;
  }

  const walls: Record<string, string> = {
    digits: '1'.repeat(20_000),
    'digits and spaces': '1 '.repeat(10_000),
    'digits, spaces, @ and dots': pseudoRandom(20_000, '0123456789 @.'),
    'phone punctuation': pseudoRandom(20_000, '0123456789 @.+()-/'),
    'dotted local part': 'a.'.repeat(10_000),
    'at signs': 'a@'.repeat(10_000),
    'dotted domain': `a@${'b.'.repeat(10_000)}`,
    'IBAN prefixes': 'FR76 '.repeat(4_000),
    'keywords': 'order no '.repeat(2_200),
    'dashes': '1-'.repeat(10_000),
  };

  it.each(Object.keys(walls))('returns on 20,000 characters of %s and still finds a trailing e-mail', (name) => {
    const wall = walls[name] ?? '';
    const findings = findPii(`${wall} contact jane@example.com`, { defaultCountry: 'DE' });
    expect(findings.at(-1)).toMatchObject({ kind: 'email', value: 'jane@example.com' });
  }, 10_000);
});

describe('cheap checks before the costly ones', () => {
  it('finds phone numbers written with spaces, dashes, dots, slashes, brackets, "+" or "00"', () => {
    for (const phone of [
      '+33 6 12 34 56 78', '+33-6-12-34-56-78', '+33.6.12.34.56.78', '+4915123456789', '0033 6 12 34 56 78', '0033612345678',
      '06 12 34 56 78', '06-12-34-56-78', '06.12.34.56.78', '06/12/34/56/78', '612-34-56-78', '0721.234.567',
      '07400-123456', '(415) 555-2671', '+1 (415) 555-2671', '415.555.2671', '415-555-2671',
    ]) {
      expect(found(`call ${phone} please`)).toEqual([`phone:${phone}`]);
    }
    expect(found('ruf 0151-2345-6789', 'DE')).toEqual(['phone:0151-2345-6789']);
  });

  it('finds IBANs with or without spaces, after punctuation or an emoji, one after another', () => {
    expect(found('IBAN FR7630006000011234567890189')).toEqual(['iban:FR7630006000011234567890189']);
    expect(found('😀FR76 3000 6000 0112 3456 7890 189')).toEqual(['iban:FR76 3000 6000 0112 3456 7890 189']);
    expect(found('(DE89 3704 0044 0532 0130 00)')).toEqual(['iban:DE89 3704 0044 0532 0130 00']);
    expect(found('DE89 3704 0044 0532 0130 00 and GB29 NWBK 6016 1331 9268 19')).toEqual([
      'iban:DE89 3704 0044 0532 0130 00',
      'iban:GB29 NWBK 6016 1331 9268 19',
    ]);
    // Inside a word, as the lookbehind says, whatever the script of the letter before.
    expect(found('xFR76 3000 6000 0112 3456 7890 189')).toEqual([]);
    expect(found('éFR76 3000 6000 0112 3456 7890 189')).toEqual([]);
  });

  it('finds cards written with dashes, spaces or as one block', () => {
    for (const card of ['4111-1111-1111-1111', '4111 1111 1111 1111', '4111111111111111']) {
      expect(found(`card ${card}`)).toEqual([`card:${card}`]);
    }
  });

  it('finds e-mail addresses wherever they start, up to a 64-character local part', () => {
    expect(found('😀jane@example.com')).toEqual(['email:jane@example.com']);
    expect(found('𝐀𝐁@example.com')).toEqual(['email:𝐀𝐁@example.com']);
    expect(found('mail:jane@example.com;bob@example.org')).toEqual(['email:jane@example.com', 'email:bob@example.org']);
    expect(found(`${'a'.repeat(64)}@example.com`)).toEqual([`email:${'a'.repeat(64)}@example.com`]);
    expect(found(`${'a'.repeat(65)}@example.com`)).toEqual([]);
  });

  it('finds booking codes with fewer than four digits when they look like a PNR', () => {
    expect(found('PNR AB12CD')).toEqual(['order_number:AB12CD']);
    expect(found('booking ref ABC123')).toEqual(['order_number:ABC123']);
    expect(found('order 12')).toEqual([]);
    expect(found('PNR ABCDE')).toEqual([]);
  });

  it('finds nothing in text without ASCII digits or "@"', () => {
    expect(findPii('no personal data here, not even ٠٦١٢٣٤٥٦٧٨')).toEqual([]);
  });

  // What the anchored searches replace: EMAIL and IBAN_START scanned over the whole text.
  const EMAIL = new RegExp(
    String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}` +
      String.raw`@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}-])`,
    'gu',
  );
  const emailText = fc
    .array(fc.constantFrom('a', 'B', 'é', '𝐀', '.', '_', '%', '+', '-', '@', ' ', 'com', 'x.org', '😀', ';', 'ʼ'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('finds the same e-mail addresses as a scan of the whole text', () => {
    fc.assert(
      fc.property(emailText, (text) => {
        const scanned = Array.from(text.matchAll(EMAIL), (match) => match[0]);
        expect(findPii(text).map((finding) => finding.value)).toEqual(scanned);
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds the same IBANs as a scan of the whole text', () => {
    // The finder as it was: IBAN_START over the whole text, the country's length, the checksum.
    const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,30}/gu;
    const lengths = new Map(Object.entries(getCountrySpecifications()).map(([country, spec]) => [country, spec.chars]));
    const scan = (text: string): string[] => {
      const ibans: string[] = [];
      const candidates = new RegExp(IBAN_START);
      for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
        const start = match.index;
        const length = lengths.get(match[0].slice(0, 2).toUpperCase());
        let end = start;
        for (let index = 0, characters = 0; length && index < match[0].length; index++) {
          if (/[A-Za-z0-9]/.test(match[0].charAt(index)) && ++characters === length) end = start + index + 1;
        }
        const written = text.slice(start, end);
        if (end > start && !/[\p{L}\p{N}]/u.test(text.charAt(end)) && isValidIBAN(electronicFormatIBAN(written) ?? '')) {
          ibans.push(written);
          candidates.lastIndex = end;
        } else {
          candidates.lastIndex = start + 1;
        }
      }
      return ibans;
    };
    const ibanText = fc
      .array(fc.constantFrom('FR76 3000 6000 0112 3456 7890 189', 'DE89370400440532013000', 'GB29 NWBK 6016 1331 9268 19', 'ab12', 'x', 'é', ' ', '7', 'Q', '😀', '-'), {
        maxLength: 8,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(ibanText, (text) => {
        const ibans = findPii(text).filter((finding) => finding.kind === 'iban');
        expect(ibans.map((finding) => finding.value)).toEqual(scan(text));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('phone layouts', () => {
  const FALLBACK: readonly CountryCode[] = ['FR', 'ES', 'RO', 'DE', 'GB', 'US'];

  // What the layouts stand in for: the number is valid and printed in exactly these digit groups.
  function printedAs(digits: string, groups: readonly number[], country: CountryCode): boolean {
    const phone = parsePhoneNumberFromString(digits, country);
    if (!phone?.isValid()) return false;
    const printed = phone.formatNational().split(/\D+/).filter((group) => group !== '');
    return printed.join('') === digits && printed.length === groups.length && printed.every((group, index) => group.length === groups[index]);
  }

  it('never rules out a grouping a valid national number is printed in', () => {
    const window = fc.record({
      start: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '00', '01', '011', '06', '07', '015', '030', '44', '33'),
      groups: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 6 }),
      rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 48, maxLength: 48 }),
    });
    fc.assert(
      fc.property(window, fc.constantFrom(...FALLBACK), ({ start, groups, rest }, country) => {
        const length = groups.reduce((sum, group) => sum + group, 0);
        const digits = (start + rest.join('')).slice(0, length);
        if (!nationalLayouts(country).mayPrint(digits, groups)) expect(printedAs(digits, groups, country)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('lets through every valid national number as the country prints it', () => {
    let printed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...FALLBACK),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 13 }),
        (country, digits) => {
          const phone = parsePhoneNumberFromString(digits.join(''), country);
          if (!phone?.isValid()) return;
          const groups = phone.formatNational().split(/\D+/).filter((group) => group !== '');
          // Only a number printed with the very digits it was written with can pass as formatted.
          if (groups.length < 2 || groups.join('') !== digits.join('')) return;
          printed++;
          expect(nationalLayouts(country).mayPrint(groups.join(''), groups.map((group) => group.length))).toBe(true);
        },
      ),
      { numRuns: 30_000 },
    );
    expect(printed).toBeGreaterThan(200);
  });

  it('lets through the numbers each country prints', () => {
    for (const [country, printed] of [
      ['FR', '06 12 34 56 78'], ['ES', '612 34 56 78'], ['RO', '0721 234 567'], ['DE', '01512 3456789'],
      ['DE', '030 123456'], ['GB', '07400 123456'], ['GB', '020 7946 0000'], ['US', '(415) 555-2671'],
    ] as const) {
      const groups = printed.split(/\D+/).filter((group) => group !== '');
      expect(printedAs(groups.join(''), groups.map((group) => group.length), country)).toBe(true);
      expect(nationalLayouts(country).mayPrint(groups.join(''), groups.map((group) => group.length))).toBe(true);
    }
  });

  it('rules out card-like and list-like groupings', () => {
    for (const country of FALLBACK) {
      expect(nationalLayouts(country).mayPrint('4111111111111112', [4, 4, 4, 4])).toBe(false);
    }
  });
});
