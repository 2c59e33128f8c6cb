import { diffArrays } from 'diff';
import type { WordSegment } from '@mandate/shared';
import { collapseWhitespace } from '../common/text.ts';

/**
 * Word-level changes from one clause text to another.
 *
 * Words and punctuation marks are the tokens, compared without the space
 * after them, so a change never shows as a run of spaces; the space is then
 * given back from each side, so the segments rebuild both texts exactly
 * (equal + delete = old, equal + insert = new). jsdiff's own diffWords
 * re-spaces "equal" runs from the new text, which does not rebuild the old one.
 */

/**
 * Beyond this many token edits a clause was rewritten, not edited: showing it
 * as one deletion and one insertion reads better, and it bounds the work
 * (Myers' diff is O(N·D)).
 */
const MAX_EDITS = 2000;

interface Token {
  core: string;
  space: string;
}

/** A word (with inner dots, hyphens, apostrophes: "ITU-T", "L.1470") or one punctuation mark, and the space after it. */
function tokens(text: string): Token[] {
  return [...text.matchAll(/([\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])(\s*)/gu)].map((m) => ({ core: m[1]!, space: m[2]! }));
}

const joined = (list: readonly Token[]) => list.map((t) => t.core + t.space).join('');

export function wordChanges(oldText: string, newText: string): WordSegment[] {
  const a = tokens(collapseWhitespace(oldText));
  const b = tokens(collapseWhitespace(newText));
  const out = new Segments();
  const changes = diffArrays(a, b, { comparator: (x, y) => x.core === y.core, maxEditLength: MAX_EDITS });
  if (!changes) {
    out.change(joined(a), joined(b));
    return out.done();
  }
  let i = 0;
  let j = 0;
  for (const c of changes) {
    if (c.removed) out.change(joined(a.slice(i, (i += c.count))), '');
    else if (c.added) out.change('', joined(b.slice(j, (j += c.count))));
    else {
      for (let k = 0; k < c.count; k++, i++, j++) {
        out.equal(a[i]!.core);
        if (a[i]!.space === b[j]!.space) out.equal(a[i]!.space);
        else out.change(a[i]!.space, b[j]!.space);
      }
    }
  }
  return out.done();
}

/**
 * Collects segments: equal text as it comes, changes gathered until the next
 * equal text, then written as one deletion and one insertion. Where both
 * begin or end with the same space, that space is equal text, so a replaced
 * word reads "[-developing-]{+least developed+} countries", not with the space
 * struck out and put back.
 */
class Segments {
  private readonly list: WordSegment[] = [];
  private deleted = '';
  private inserted = '';

  change(deleted: string, inserted: string) {
    this.deleted += deleted;
    this.inserted += inserted;
  }

  equal(text: string) {
    this.flush();
    this.push('equal', text);
  }

  done(): WordSegment[] {
    this.flush();
    return this.list;
  }

  private flush() {
    let del = this.deleted;
    let ins = this.inserted;
    this.deleted = this.inserted = '';
    let after = '';
    if (del && ins) {
      const before = /^\s*/.exec(del)![0] === /^\s*/.exec(ins)![0] ? /^\s*/.exec(del)![0] : '';
      this.push('equal', before);
      del = del.slice(before.length);
      ins = ins.slice(before.length);
      const end = /\s*$/.exec(del)![0];
      if (end && end === /\s*$/.exec(ins)![0]) {
        after = end;
        del = del.slice(0, -end.length);
        ins = ins.slice(0, -end.length);
      }
    }
    this.push('delete', del);
    this.push('insert', ins);
    this.push('equal', after);
  }

  private push(op: WordSegment['op'], text: string) {
    if (text === '') return;
    const last = this.list[this.list.length - 1];
    if (last?.op === op) last.text += text;
    else this.list.push({ op, text });
  }
}
