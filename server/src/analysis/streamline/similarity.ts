/**
 * "Same addressees or topic": the second half of a merge proposal. A high
 * textual overlap between a text for the Council and one for Member States
 * is usually shared background, not one mandate written twice.
 */

/** "Secretary-General and Directors of the three Bureaux" → ["secretary-general", "directors of the three bureaux"]. */
export function addresseeUnits(addressee: string): string[] {
  return addressee
    .toLowerCase()
    .split(/,\s*|\s+and\s+|;\s*/)
    .map((s) => s.replace(/^(the|all(?: the)?)\s+/, '').trim())
    // "…, each within the scope of their responsibilities", "in close collaboration with …": qualifiers, not addressees.
    .filter((s) => s.length > 0 && !/^(each|in |within |as appropriate)/.test(s));
}

export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function intersection<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): T[] {
  return [...a].filter((x) => b.has(x));
}

/** Words every title of an international body carries: they say nothing about the topic. */
const NOT_TOPIC = new Set(
  'a an and are as at be by for from in into its of on or the their to with within under use role itu union international telecommunication telecommunications sector sectors ict icts development standardization radiocommunication member states related activities implementation'.split(
    ' ',
  ),
);

/** Content words of a title, lower-case, plural "s" dropped ("networks" and "network" are one topic). */
export function topicWords(title: string): Set<string> {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 2 && !NOT_TOPIC.has(w)).map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)));
}
