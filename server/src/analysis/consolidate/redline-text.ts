import type { SourceRedline } from '@mandate/shared';

/**
 * A redline as plain text, in the notation of `wdiff` and `git diff
 * --word-diff`: [-deleted-]{+inserted+}, one paragraph per line, a blank line
 * between paragraphs.
 */
export function renderRedlineText(r: SourceRedline): string {
  const lines = r.paragraphs.map((p) => p.segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? `{+${s.text}+}` : `[-${s.text}-]`)).join(''));
  return `${lines.join('\n\n')}\n`;
}
