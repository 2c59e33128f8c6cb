/**
 * Subject families of the UNSC resolutions 1946–1979, by keyword rules on the
 * text (the files carry no titles). The first rule that matches gives a
 * resolution its family; each family belongs to a region. Families propose
 * candidate pairs (consecutive resolutions of one family); regions keep
 * negatives apart (two resolutions of different regions) and define generic
 * wording (used in three or more regions).
 */

export interface Family {
  key: string;
  region: string;
  /** a peacekeeping force renewed at fixed intervals */
  renewal?: boolean;
  /** the whole text is a fill-in-the-blanks template (admissions, Court vacancies…) */
  template?: boolean;
  test: (text: string, year: number, words: number) => boolean;
}

const has = (re: RegExp) => (t: string) => re.test(t);

export const FAMILIES: Family[] = [
  // Templates first: a Cyprus admission is an admission, not a Cyprus resolution.
  {
    key: 'tpl-admission',
    region: 'tpl-admission',
    template: true,
    test: (t, _y, n) =>
      n < 300 &&
      /(application|applications) (of|for) .{0,160}(admission|membership)|admitted to (membership in )?the United Nations/i.test(t),
  },
  { key: 'tpl-icj-vacancy', region: 'tpl-icj-vacancy', template: true, test: has(/vacancy in the (International )?Court/i) },
  {
    key: 'tpl-icj-statute',
    region: 'tpl-icj-statute',
    template: true,
    test: has(/Article 93, paragraph 2|parties? to the Statute of the International Court/i),
  },
  {
    key: 'tpl-secretary-general',
    region: 'tpl-secretary-general',
    template: true,
    test: (t, _y, n) => n < 150 && /(appointment|reappointment) (of|as) (the )?Secretary-General|office of Secretary-General/i.test(t),
  },
  {
    key: 'unficyp',
    region: 'cyprus',
    renewal: true,
    test: has(
      /extends?[^.;]{0,80}stationing in Cyprus|stationing in Cyprus[^.;]{0,200}(further|extend)|Recommends the creation[^.;]{0,80}Peace-keeping Force in Cyprus/i,
    ),
  },
  {
    key: 'unef-ii',
    region: 'middle-east',
    renewal: true,
    test: (t, y) => y >= 1973 && /United Nations Emergency Force|Approves the report of the Secretary-General on the implementation of Security Council resolution 340/i.test(t),
  },
  { key: 'undof', region: 'middle-east', renewal: true, test: has(/Disengagement Observer Force/i) },
  { key: 'unifil', region: 'middle-east', renewal: true, test: has(/Interim Force in Lebanon|interim force for southern Lebanon/i) },
  { key: 'cyprus', region: 'cyprus', test: has(/Cyprus/) },
  { key: 'kashmir', region: 'south-asia', test: has(/Kashmir|India and Pakistan|Jammu|subcontinent/) },
  { key: 'rhodesia', region: 'africa', test: has(/Southern Rhodesia/) },
  { key: 'namibia', region: 'africa', test: has(/Namibia|South West Africa/) },
  { key: 'apartheid', region: 'africa', test: has(/apartheid|South Africa/) },
  { key: 'portugal', region: 'africa', test: has(/Portug/) },
  { key: 'congo', region: 'africa', test: has(/Congo/) },
  {
    key: 'africa-other',
    region: 'africa',
    test: has(/Benin|Guinea|Senegal|Mozambique|Botswana|Lesotho|Western Sahara|Angola|Zambia|Comoro|Seychelles|mercenar|Organization of African Unity/),
  },
  { key: 'indonesia', region: 'south-east-asia', test: has(/Indonesia|Netherlands/) },
  { key: 'jerusalem', region: 'middle-east', test: (t, y) => y >= 1967 && /Jerusalem/.test(t) },
  { key: 'lebanon-israel', region: 'middle-east', test: (t, y) => y >= 1968 && /Lebanon/.test(t) },
  { key: 'middle-east', region: 'middle-east', test: (t, y) => y >= 1956 && /Israel|Middle East|Syria|Jordan|Egypt|Suez/.test(t) },
  { key: 'palestine', region: 'middle-east', test: has(/Palestine|Armistice|[Tt]ruce|Israel/) },
  { key: 'korea', region: 'korea', test: has(/Korea/) },
  { key: 'greece', region: 'balkans', test: has(/Greece|Greek|Balkan|Yugoslavia|Albania/) },
  { key: 'spain', region: 'spain', test: has(/Spain|Franco/) },
  { key: 'iran', region: 'iran', test: has(/Iran/) },
  { key: 'armaments', region: 'armaments', test: has(/Atomic Energy|armaments|Conventional Armaments/i) },
];

/** Flattened text for the keyword rules: line-end hyphenation joined, whitespace collapsed. */
export const flatten = (text: string) => text.replace(/-[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, '').replace(/\s+/g, ' ');

/**
 * The resolution from "The Security Council" to the adoption line: without the
 * number-and-date header (two resolutions of one day share it) and without the
 * votes and footnotes (a vote "(Guinea, …)" says nothing of the subject).
 * Offsets are kept: the text before is blanked, not removed.
 */
export function body(text: string): string {
  const end = /\n\s*Ad[oa]pted\b/.exec(text);
  const cut = end ? text.slice(0, end.index) : text;
  const start = /The Security Council/.exec(cut.slice(0, 600));
  return start ? ' '.repeat(start.index) + cut.slice(start.index) : cut;
}

export function familyOf(text: string, year: number, words: number): Family | undefined {
  const flat = flatten(body(text));
  return FAMILIES.find((f) => f.test(flat, year, words));
}
