import type { SourceRedline, WordSegment } from '@mandate/shared';
import type { ConsolidationSource, SourceClause } from './types.ts';

/** Clauses written as "heading/num: text"; preambular when the heading is a participle. */
export function clauses(...lines: string[]): SourceClause[] {
  return lines.map((line) => {
    const [, heading, num, text] = /^([^/:]+)(?:\/([^:]+))?: (.*)$/.exec(line)!;
    const kind = /^(?:considering|recognizing|noting|recalling|bearing in mind|aware)/.test(heading!) ? 'preambular' : 'operative';
    const slug = heading!.replace(/\W+/g, '-');
    const last = num?.split('/').pop() ?? '';
    return { kind, heading: heading!, addressee: null, num: last, path: num ? `${slug}/${num}` : slug, text: text! };
  });
}

/** A source with the given clauses; `id` also names it ("Res 1"). */
export const source = (id: number, list: SourceClause[], extra: Partial<ConsolidationSource> = {}): ConsolidationSource => ({ id, label: `Res ${id}`, clauses: list, ...extra });

/** What accepting (equal + insert) or rejecting (equal + delete) every change of a redline leaves. */
export function resolveRedline(r: SourceRedline, choice: 'accept' | 'reject'): string[] {
  const dropped = choice === 'accept' ? 'delete' : 'insert';
  return r.paragraphs.filter((p) => p.op !== dropped).map((p) => p.segments.filter((s) => s.op !== dropped).map((s) => s.text).join(''));
}

/** Changes in the usual notation: [-deleted-]{+inserted+}. */
export const marked = (segments: WordSegment[]) => segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `{+${s.text}+}` : `[-${s.text}-]`)).join('');
