// Sentiment in our five languages: clear complaints and thanks, neutral questions, negation, emoji and emphasis.
import { describe, it, expect } from 'vitest';
import { sentimentOf, sentimentScore } from '../packages/engine/src/text/sentiment.ts';

describe('sentimentScore', () => {
  it.each([
    ['en', 'Worst airline ever, I hate you, terrible service'],
    ['fr', "Service horrible, je suis furieux, c'est nul"],
    ['es', 'Servicio terrible, pésimo, estoy muy enfadado'],
    ['ro', 'Servicii groaznice, sunt furios, cel mai rău'],
    ['de', 'Schrecklicher Service, ich bin wütend, eine Frechheit'],
  ])('scores a %s complaint clearly negative', (language, text) => {
    expect(sentimentScore(text, language)).toBeLessThanOrEqual(-0.5);
  });

  it.each([
    ['en', 'Thanks so much, great service, love it!'],
    ['fr', 'Merci beaucoup, super service, génial'],
    ['es', 'Muchas gracias, excelente servicio'],
    ['ro', 'Mulțumesc frumos, serviciu excelent'],
    ['de', 'Vielen Dank, toller Service, super'],
  ])('scores %s thanks clearly positive', (language, text) => {
    expect(sentimentScore(text, language)).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['en', 'What time does the store open on Sunday?'],
    ['fr', 'Le vol part à quelle heure ?'],
    ['es', '¿A qué hora abre la tienda el domingo?'],
    ['ro', 'La ce oră pleacă zborul?'],
    ['de', 'Wann öffnet der Laden am Sonntag?'],
  ])('keeps a %s question neutral', (language, text) => {
    const score = sentimentScore(text, language);
    expect(score).toBeGreaterThan(-0.3);
    expect(score).toBeLessThan(0.3);
  });

  it('treats asking for help as neutral, not praise', () => {
    expect(sentimentScore('please help me with my booking', 'en')).toBe(0);
    expect(sentimentScore("j'ai besoin d'aide", 'fr')).toBe(0);
  });

  it('flips a negated word', () => {
    expect(sentimentScore('good', 'en')).toBeGreaterThan(0);
    expect(sentimentScore('not good', 'en')).toBeLessThan(0);
    expect(sentimentScore("it isn't good", 'en')).toBeLessThan(0);
    expect(sentimentScore('no problem', 'en')).toBeGreaterThan(0);
    expect(sentimentScore("ce n'est pas génial", 'fr')).toBeLessThan(0);
    expect(sentimentScore('nicht gut', 'de')).toBeLessThan(0);
    expect(sentimentScore('no es bueno', 'es')).toBeLessThan(0);
    expect(sentimentScore('nu e bun', 'ro')).toBeLessThan(0);
  });

  it('spends a negator on one word only', () => {
    expect(sentimentScore('no problem, thanks', 'en')).toBeGreaterThan(0.5);
  });

  it('scores "it does not work" phrases negative in each language', () => {
    expect(sentimentScore('the app is not working', 'en')).toBeLessThan(0);
    expect(sentimentScore('ça ne marche pas', 'fr')).toBeLessThan(0);
    expect(sentimentScore('la app no funciona', 'es')).toBeLessThan(0);
    expect(sentimentScore('aplicația nu merge', 'ro')).toBeLessThan(0);
    expect(sentimentScore('die App funktioniert nicht', 'de')).toBeLessThan(0);
  });

  it('reads inflected forms', () => {
    expect(sentimentScore('schrecklicher Service', 'de')).toBeLessThan(0);
    expect(sentimentScore('servicii groaznice', 'ro')).toBeLessThan(0);
    expect(sentimentScore('estoy enfadada', 'es')).toBeLessThan(0);
    expect(sentimentScore('je suis furieuse', 'fr')).toBeLessThan(0);
  });

  it('counts emoji', () => {
    expect(sentimentScore('😡😡😡', 'en')).toBeLessThan(-0.5);
    expect(sentimentScore('👍', 'fr')).toBeGreaterThan(0);
    expect(sentimentScore('my flight 🤬', 'en')).toBeLessThan(0);
  });

  it('lets exclamation marks strengthen the score', () => {
    expect(sentimentScore('terrible!!!', 'en')).toBeLessThan(sentimentScore('terrible', 'en'));
    expect(sentimentScore('great!!!', 'en')).toBeGreaterThan(sentimentScore('great', 'en'));
    expect(sentimentScore('when do you open!!!', 'en')).toBe(0);
  });

  it('stays within [-1, 1] on extreme text', () => {
    const furious = 'terrible horrible worst hate awful disgusting '.repeat(30);
    const delighted = 'amazing wonderful love great fantastic '.repeat(30);
    expect(sentimentScore(furious, 'en')).toBeGreaterThanOrEqual(-1);
    expect(sentimentScore(furious, 'en')).toBeLessThan(-0.95);
    expect(sentimentScore(delighted, 'en')).toBeLessThanOrEqual(1);
    expect(sentimentScore(delighted, 'en')).toBeGreaterThan(0.95);
  });

  it('scores empty text 0', () => {
    expect(sentimentScore('', 'en')).toBe(0);
  });

  it('uses the language’s own lexicon', () => {
    // "vol" is a flight in French (machine translation made it "theft"); "pain" is bread.
    expect(sentimentScore('mon vol est à 10h', 'fr')).toBe(0);
    expect(sentimentScore('pain au chocolat', 'fr')).toBe(0);
    expect(sentimentScore('pain', 'en')).toBeLessThan(0);
  });

  it('accepts a regional code and falls back to English plus the others for other languages', () => {
    expect(sentimentScore('service horrible', 'fr-FR')).toBeLessThan(0);
    expect(sentimentScore('terrible service', 'it')).toBeLessThan(0);
    expect(sentimentScore('vielen Dank, wunderbar', 'nl')).toBeGreaterThan(0);
    expect(sentimentScore('terrible service', '')).toBeLessThan(0);
  });
});

describe('sentimentOf', () => {
  it('explains the score with the words behind it', () => {
    const result = sentimentOf('Great crew but the food was not good and the delay was awful 😡', 'en');
    expect(result.positive).toEqual(['great']);
    expect(result.negative).toEqual(['not good', 'delay', 'awful', '😡']);
    expect(result.score).toBe(sentimentScore('Great crew but the food was not good and the delay was awful 😡', 'en'));
  });

  it('lists each contributing word once', () => {
    expect(sentimentOf('bad bad bad', 'en').negative).toEqual(['bad']);
  });

  it('returns nothing for neutral text', () => {
    expect(sentimentOf('What time does the store open on Sunday?', 'en')).toEqual({ score: 0, positive: [], negative: [] });
  });
});

describe('negation stays inside its clause', () => {
  it('does not flip a complaint in the next clause', async () => {
    const { sentimentScore } = await import('../packages/engine/src/text/sentiment.ts');
    expect(sentimentScore('personne ne répond, service nul', 'fr')).toBeLessThan(-0.3);
    expect(sentimentScore('keiner antwortet, absolut unverschämt', 'de')).toBeLessThan(-0.3);
    expect(sentimentScore('not good', 'en')).toBeLessThan(0);
  });
});

describe('reading the words once', () => {
  it('scores the same from a mention’s shared clauses as from the text alone', async () => {
    const { clausedWords } = await import('../packages/engine/src/text/normalize.ts');
    for (const [text, language] of [
      ['personne ne répond, service nul', 'fr'],
      ['not bad. not good!! 😡', 'en'],
      ['ΑΣ.Α bad', 'und'],
      ['nicht\u0001gut, danke', 'de'],
    ] as const) {
      expect(sentimentScore(text, language, clausedWords(text))).toBe(sentimentScore(text, language));
    }
  });

  it('finds emoji among accented letters and other scripts, and counts at most four "!"', () => {
    expect(sentimentScore('très déçu 😡', 'fr')).toBeLessThan(sentimentScore('très déçu', 'fr'));
    expect(sentimentScore('Привет 👍', 'und')).toBeGreaterThan(0);
    expect(sentimentScore('awful!!!!!!!!', 'en')).toBe(sentimentScore('awful!!!!', 'en'));
    expect(sentimentScore('awful!!!!', 'en')).toBeLessThan(sentimentScore('awful!!!', 'en'));
  });
});
