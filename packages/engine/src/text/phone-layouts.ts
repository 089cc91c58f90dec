// How a country prints its national phone numbers, read once from libphonenumber's own metadata: the lengths the
// digit groups of a formatted national number can have ("06 12 34 56 78" is 2-2-2-2-2 in France). A run of digits
// grouped in a way the country never prints cannot be one of its formatted national numbers, so the phone finder
// skips the metadata parse (the costly part) for it: "4111 1111 1111 1112" is grouped like no national number.
//
// A national number is printed with one of the formats of its numbering plan: the format's pattern splits the
// number into groups, its template lays them out ("$1 $2 $3"), optionally with the national prefix rule ("0$1").
// A number parsed with a default country belongs to a country sharing that country's calling code, unless its
// digits start with the international call prefix; for those, no layout is assumed.
import { Metadata, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/metadata.max.json';

interface GroupLength {
  readonly min: number;
  readonly max: number;
}

/** The possible lengths of each printed digit group, in order. */
type Layout = readonly GroupLength[];

/** The parts of libphonenumber's metadata read here (its type declarations leave them out). */
interface FormatMetadata {
  pattern(): string;
  format(): string;
  nationalPrefixFormattingRule(): string | number | undefined;
}

interface NumberingPlanMetadata {
  formats(): FormatMetadata[];
  IDDPrefix(): string;
}

interface MetadataWithPlans {
  selectNumberingPlan(country: CountryCode): void;
  numberingPlan?: NumberingPlanMetadata;
  getCountryCodesForCallingCode(callingCode: string): CountryCode[] | undefined;
}

// libphonenumber splits the national number with the format's pattern: here always a row of digit groups such as
// (\d{3})(\d{2,4}). Anything else gives undefined, and the country is always parsed.
const DIGIT_GROUP = /^\(\\d(?:\{(\d+)(?:,(\d+))?\})?\)/;
// The first group reference, where libphonenumber puts the national prefix rule (its FIRST_GROUP_PATTERN).
const FIRST_GROUP = /(\$\d)/;

function groupsOf(pattern: string): GroupLength[] | undefined {
  const groups: GroupLength[] = [];
  let rest = pattern;
  while (rest !== '') {
    const group = DIGIT_GROUP.exec(rest);
    if (!group) return undefined;
    const min = group[1] === undefined ? 1 : Number(group[1]);
    groups.push({ min, max: group[2] === undefined ? min : Number(group[2]) });
    rest = rest.slice(group[0].length);
  }
  return groups;
}

// The printed digit groups of a template: its literal digits and the pattern groups it refers to, split wherever
// anything else stands between them.
function layoutOf(template: string, groups: readonly GroupLength[]): Layout | undefined {
  const layout: GroupLength[] = [];
  let current: { min: number; max: number } | undefined;
  for (let index = 0; index < template.length; index++) {
    const character = template.charAt(index);
    let part: GroupLength | undefined;
    if (character >= '0' && character <= '9') {
      part = { min: 1, max: 1 };
    } else if (character === '$') {
      part = groups[Number(template.charAt(index + 1)) - 1];
      if (part === undefined) return undefined;
      index++;
    }
    if (part === undefined) {
      current = undefined;
    } else if (current === undefined) {
      current = { ...part };
      layout.push(current);
    } else {
      current.min += part.min;
      current.max += part.max;
    }
  }
  return layout;
}

// Undefined when the metadata does not read as expected (another libphonenumber version): the country is then
// always parsed, as before.
function layoutsOf(metadata: MetadataWithPlans, country: CountryCode): Layout[] | undefined {
  if (typeof metadata.getCountryCodesForCallingCode !== 'function') return undefined;
  const members = metadata.getCountryCodesForCallingCode(getCountryCallingCode(country, metadataJson));
  if (!members?.includes(country)) return undefined;
  const layouts: Layout[] = [];
  for (const member of members) {
    metadata.selectNumberingPlan(member);
    const plan = metadata.numberingPlan;
    if (typeof plan?.formats !== 'function') return undefined;
    for (const format of plan.formats()) {
      const groups = groupsOf(format.pattern());
      if (!groups) return undefined;
      const rule = format.nationalPrefixFormattingRule();
      const templates = [format.format(), ...(typeof rule === 'string' ? [format.format().replace(FIRST_GROUP, rule)] : [])];
      for (const template of templates) {
        const layout = layoutOf(template, groups);
        if (!layout) return undefined;
        layouts.push(layout);
      }
    }
  }
  return layouts;
}

/** Which groupings of digits a country's formatted national numbers can have. */
export interface NationalLayouts {
  /**
   * False when no national number of the country, parsed from `digits`, can be printed in groups of exactly these
   * lengths; true when it may (the parse decides).
   */
  mayPrint(digits: string, groupLengths: readonly number[]): boolean;
}

/** The layouts of `country`'s national numbers, from libphonenumber's metadata. */
export function nationalLayouts(country: CountryCode): NationalLayouts {
  const metadata = new Metadata(metadataJson) as unknown as MetadataWithPlans;
  const layouts = layoutsOf(metadata, country);
  metadata.selectNumberingPlan(country);
  // Without a known prefix, the empty pattern matches every number: always parsed.
  const prefix = typeof metadata.numberingPlan?.IDDPrefix === 'function' ? metadata.numberingPlan.IDDPrefix() : '';
  const internationalPrefix = new RegExp(`^(?:${prefix})`);
  return {
    mayPrint(digits, groupLengths) {
      if (layouts === undefined || internationalPrefix.test(digits)) return true;
      return layouts.some(
        (layout) =>
          layout.length === groupLengths.length &&
          layout.every((group, index) => {
            const length = groupLengths[index] ?? 0;
            return length >= group.min && length <= group.max;
          }),
      );
    },
  };
}
