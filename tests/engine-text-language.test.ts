// Language detection on short social posts in our five languages, and the fallback when there is no language.
import { describe, it, expect } from 'vitest';
import { SUPPORTED_LANGUAGES, detectLanguage, isSupportedLanguage } from '../packages/engine/src/text/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['en', 'My flight got cancelled again, no one is helping'],
    ['en', "I can't log in to my account"],
    ['en', 'where is my refund??'],
    ['en', 'stuck at the airport'],
    ['en', 'need help asap'],
    ['fr', "Je suis bloqué à l'aéroport, aidez-moi"],
    ['fr', "Mon colis n'est toujours pas arrivé"],
    ['fr', 'ça ne marche pas'],
    ['fr', 'Merci beaucoup, super service'],
    ['es', 'Estoy atrapado en el aeropuerto, ayuda'],
    ['es', 'Mi pedido no ha llegado todavía'],
    ['es', 'la app no funciona'],
    ['es', 'necesito ayuda urgente'],
    ['ro', 'Sunt blocat în aeroport, vă rog ajutați-mă'],
    ['ro', 'Comanda mea nu a ajuns încă'],
    ['ro', 'aplicația nu merge'],
    ['ro', 'zbor anulat iar'],
    ['de', 'Ich sitze am Flughafen fest, bitte helfen'],
    ['de', 'Meine Bestellung ist immer noch nicht da'],
    ['de', 'die App funktioniert nicht'],
    ['de', 'Vielen Dank, toller Service'],
  ])('reads %s in %j', (language, text) => {
    expect(detectLanguage(text, 'xx')).toBe(language);
  });

  it.each(['👍👍', 'https://x.co/abc', '', '   ', 'ok', '???', '@acmeair #fail'])(
    'falls back when %j has no language in it',
    (text) => {
      expect(detectLanguage(text, 'fr')).toBe('fr');
    },
  );

  it('ignores handles, hashtags and links around the words', () => {
    expect(detectLanguage('@AcmeAir #AcmeFail my bag never arrived https://t.co/aBcD', 'xx')).toBe('en');
    expect(detectLanguage('@AcmeAir_ES mi maleta nunca llegó https://acme.es/x', 'xx')).toBe('es');
  });

  it('names a language outside our five instead of forcing it into one', () => {
    expect(detectLanguage('Il mio volo è stato cancellato di nuovo, nessuno mi aiuta', 'xx')).toBe('it');
    expect(detectLanguage('Mijn vlucht is weer geannuleerd', 'xx')).toBe('nl');
  });
});

describe('SUPPORTED_LANGUAGES', () => {
  it('lists our five languages', () => {
    expect([...SUPPORTED_LANGUAGES]).toEqual(['en', 'fr', 'es', 'ro', 'de']);
    expect(isSupportedLanguage('ro')).toBe(true);
    expect(isSupportedLanguage('it')).toBe(false);
  });
});

describe('languageOfWords', () => {
  it('needs the votes asked for and more than twice the runner-up’s', async () => {
    const { languageOfWords } = await import('../packages/engine/src/text/function-words.ts');
    expect(languageOfWords(['the', 'and'])).toBe('en');
    expect(languageOfWords(['the'])).toBeUndefined();
    expect(languageOfWords(['the'], 1)).toBe('en');
    expect(languageOfWords(['the', 'and', 'je'])).toBeUndefined();
    expect(languageOfWords(['the', 'and', 'is', 'je'])).toBe('en');
    // A tie for first never wins, whichever language voted first.
    expect(languageOfWords(['je', 'the'], 1)).toBeUndefined();
    expect(languageOfWords(['the', 'je'], 1)).toBeUndefined();
  });
});
