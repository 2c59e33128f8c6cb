/**
 * New labels for a block's sub-items once its lead clause is renumbered, so
 * the text still reads as one list: "4.1" under a lead now numbered 2 becomes
 * "2.1"; numbered items under a lead that now has a number of its own become
 * a), b) (ITU style), where "2" followed by "1" would read as two items.
 */

const basePath = (path: string) => path.replace(/#\d+$/, '');

export interface SubItem {
  num: string;
  /** Path below the lead ("a", "2.1", "b/i"). */
  rel: string;
}

export function relabelSubItems(lead: { num: string; path: string }, leadNum: string, items: readonly { num: string; path: string }[]): SubItem[] {
  const prefix = `${basePath(lead.path)}/`;
  const renamed = new Map<string, string>();
  let direct = 0;
  return items.map((item, k) => {
    const path = basePath(item.path);
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) : item.num || String(k + 1);
    const [first, ...deeper] = rel.split('/');
    if (deeper.length > 0) return { num: item.num, rel: [renamed.get(first!) ?? first, ...deeper].join('/') };
    direct++;
    const num = directLabel(item.num, leadNum, direct);
    renamed.set(first!, num || first!);
    return { num, rel: num || first! };
  });
}

function directLabel(num: string, leadNum: string, ordinal: number): string {
  const dotted = /^\d+\.(\d+)$/.exec(num);
  if (dotted) return leadNum ? `${leadNum}.${dotted[1]}` : String(ordinal);
  if (/^\d+$/.test(num) && /^\d+$/.test(leadNum) && ordinal <= 26) return String.fromCharCode(96 + ordinal);
  return num;
}
