// A cheap first look at a post's language: the function words only one of our five languages uses.
// Most posts say "the", "je", "los", "și" or "ich" somewhere; those are settled in a microsecond, and only
// the rest go to the n-gram detector (which costs a couple of hundred microseconds a post).
import { normalizeText, tokenize } from './normalize.ts';
import type { SupportedLanguage } from './language.ts';

// Words two of the languages share ("de", "la", "en", "in", "no", "que", "un", "me", "am", "si", "sa", "va") are
// left out: they would vote for the wrong one as often as the right one.
const FUNCTION_WORDS: Readonly<Record<SupportedLanguage, string>> = {
  en: 'the and is are was were you your my it this that with for have has not can what why how please thanks just been from they we our of to on at be will would there their about still any anyone nobody never again get got did does an or if',
  fr: 'le les des est et je vous votre vos mon ma mes pas une du au aux avec pour sur qui ai suis nous merci tres ce cette il elle ne bonjour depuis mais ou j n c l qu aucune aucun rien toujours jamais avez avons etes chez ete alors',
  es: 'el los las y por para con una mi mis su muy pero gracias esta estoy hola del lo hay ya tengo nadie desde cuando como ni nos nuestro nuestra tambien ahora todo nada eso esto porque donde',
  ro: 'este sunt nu cu pe mea meu mele pentru care din foarte multumesc acest aceasta nimeni deloc iar fost inca avem aveti vreau cum cand unde niciun nicio dupa acum aici sau doar eu',
  de: 'der die das und ist ich nicht mit ein eine mein meine wir den dem auf fur von zu auch noch schon bitte danke wie kein keine sehr aber nach sind habe mir wurde wird haben ihr euch uns immer nur doch seit heute jetzt warum keiner',
};

const LANGUAGES = Object.keys(FUNCTION_WORDS) as SupportedLanguage[];

/** Each function word, with the one language it tells (its index in LANGUAGES). */
const VOTES: ReadonlyMap<string, number> = (() => {
  const counts = new Map<string, number>();
  const owner = new Map<string, number>();
  LANGUAGES.forEach((language, index) => {
    for (const word of FUNCTION_WORDS[language].split(' ')) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      owner.set(word, index);
    }
  });
  // A word listed for two languages tells neither.
  return new Map([...owner].filter(([word]) => counts.get(word) === 1));
})();

const MIN_VOTES = 2;

/** The language whose function words clearly dominate the text, or undefined when the text does not say. */
export function languageByFunctionWords(text: string, minVotes = MIN_VOTES): SupportedLanguage | undefined {
  return languageOfWords(tokenize(normalizeText(text)), minVotes);
}

/** The same vote over words already normalized (a mention's shared text form): no second normalization. */
export function languageOfWords(words: Iterable<string>, minVotes = MIN_VOTES): SupportedLanguage | undefined {
  // Plain loops, no callbacks: this runs two or three times for every mention.
  const votes = new Array<number>(LANGUAGES.length).fill(0);
  for (const token of words) {
    const language = VOTES.get(token);
    if (language !== undefined) votes[language]!++;
  }
  // The winner needs `minVotes` and more than twice the runner-up's votes (so a tie for first never wins).
  let best = -1;
  let bestCount = 0;
  let second = 0;
  for (let language = 0; language < LANGUAGES.length; language++) {
    const count = votes[language]!;
    if (count > bestCount) {
      second = bestCount;
      best = language;
      bestCount = count;
    } else if (count > second) second = count;
  }
  return best >= 0 && bestCount >= minVotes && bestCount >= 2 * second + 1 ? LANGUAGES[best] : undefined;
}
