/**
 * Lines of a plain-text document with their offsets, so every clause can
 * point back at the exact span of the source it came from.
 */

export interface Line {
  /** 0-based line index. */
  index: number;
  /** Offset of the first non-blank character (or of the line start when blank). */
  start: number;
  /** Offset just past the last non-blank character. */
  end: number;
  /** Trimmed content. */
  text: string;
}

export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  let index = 0;
  for (const raw of source.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    lines.push({ index, start: pos + (text ? lead : 0), end: pos + (text ? lead + text.length : 0), text });
    pos += raw.length + 1;
    index++;
  }
  return lines;
}

export function lineLocation(line: Line): string {
  return `line ${line.index + 1}`;
}

/** Whether a line ends the way a clause or heading does (so the next line may start a new one). */
export function endsClause(text: string): boolean {
  return /[;:,.]["”’)]?$/.test(text);
}

/** Page furniture left by PDF or Word export: "- 5 -", a bare page number. */
export function isPageArtefact(text: string): boolean {
  return /^[-–]?\s*\d{1,4}\s*[-–]?$/.test(text);
}
