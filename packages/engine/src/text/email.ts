// E-mail addresses in free text, for the personal-data finder (pii.ts).

// The local part starts where its run of characters starts (the lookbehind), and every part is length-bounded.
// Scanning a whole post with this is slow (a Unicode class at every character), so it is tried, sticky, only where
// an address can start: an address holds exactly one "@", and starts where the run of local-part characters before
// that "@" starts. That finds what a scan of the whole text finds: a scan never starts inside an earlier match, nor
// anywhere else in a run.
const EMAIL = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}` + // local part
    String.raw`@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}(?![\p{L}\p{N}-])`, // domain
  'uy',
);
const LOCAL_PART_CHARACTER = /^[\p{L}\p{N}._%+-]$/u;
const MAX_LOCAL_PART = 64;

/** Spans of e-mail addresses in `text`, in text order. */
export function findEmails(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // A private copy, because its lastIndex is set for each candidate and module state must stay untouched.
  let email: RegExp | undefined;
  let searched = 0; // where the previous address ended
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = localPartStart(text, at);
    if (start === undefined || start === at || start < searched) continue;
    email ??= new RegExp(EMAIL);
    email.lastIndex = start;
    const match = email.exec(text);
    if (match) {
      spans.push({ start, end: start + match[0].length });
      searched = start + match[0].length;
    }
  }
  return spans;
}

// Start of the run of local-part characters that ends at `at`, read back by code point; undefined when the run is
// longer than a local part can be.
function localPartStart(text: string, at: number): number | undefined {
  let start = at;
  for (let length = 0; start > 0; length++) {
    const high = start >= 2 ? text.charCodeAt(start - 2) : 0;
    const low = text.charCodeAt(start - 1);
    const width = high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    if (!LOCAL_PART_CHARACTER.test(text.slice(start - width, start))) break;
    if (length === MAX_LOCAL_PART) return undefined;
    start -= width;
  }
  return start;
}
