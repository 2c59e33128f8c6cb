import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../types.ts';

/**
 * A small, typed element tree over fast-xml-parser's ordered output, with
 * the safety rules every XML import needs: no DTD entity expansion (billion
 * laughs, XXE), and errors that say where the file is broken.
 */

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Set on text nodes (name "#text"). */
  text?: string;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entity processing is off in the parser (so DTD entities can never expand); decode XML's own five and character references here. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

function lineCol(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `line ${line}, column ${index - before.lastIndexOf('\n')}`;
}

/** The validator lists every unclosed tag: a hostile file with a million of them would make a 10 MB message. */
function brief(msg: string): string {
  return msg.length > 300 ? `${msg.slice(0, 300)}…` : msg;
}

function refuseDangerousDoctype(xml: string): void {
  // Searched in the whole text, not in the first DOCTYPE only: a harmless
  // "<!DOCTYPE x>" inside a comment must not hide the real one after it.
  // (A literal "<!ENTITY" in a comment is refused too; no resolution needs one.)
  const entity = /<!ENTITY/i.exec(xml);
  if (entity) {
    // Located at the DOCTYPE that declares it, where a reader looks first.
    const doctype = [...xml.slice(0, entity.index).matchAll(/<!DOCTYPE/gi)].at(-1)?.index ?? -1;
    throw new ParseError(lineCol(xml, doctype === -1 ? entity.index : doctype), 'DOCTYPE with entity declarations refused (entity expansion and external entities are not allowed)');
  }
  for (const doctype of xml.matchAll(/<!DOCTYPE[^>[]*/gi)) {
    if (/\b(?:SYSTEM|PUBLIC)\b/i.test(doctype[0])) {
      throw new ParseError(lineCol(xml, doctype.index), 'DOCTYPE with an external DTD refused (external entities are not allowed)');
    }
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 1000,
});

type Ordered = Record<string, unknown>;

function convert(nodes: Ordered[]): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const name = Object.keys(n).find((k) => k !== ':@');
    if (!name) continue;
    if (name === '#text') {
      out.push({ name, attrs: {}, children: [], text: decodeEntities(String(n[name])) });
      continue;
    }
    if (name.startsWith('?') || name === '#comment') continue;
    const rawAttrs = (n[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decodeEntities(String(v));
    out.push({ name, attrs, children: convert((n[name] ?? []) as Ordered[]), text: undefined });
  }
  return out;
}

/** Parses XML into its root element, or throws ParseError with a location. */
export function parseXmlRoot(input: string): XNode {
  const xml = input.replace(/^\uFEFF/, '');
  if (xml.trim() === '') throw new ParseError('line 1, column 1', 'empty document');
  refuseDangerousDoctype(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new ParseError(col ? `line ${line}, column ${col}` : `line ${line}`, `not well-formed XML: ${brief(msg)}`);
  }
  let parsed: Ordered[];
  try {
    parsed = parser.parse(xml) as Ordered[];
  } catch (err) {
    // The validator passed it, yet the parser refused it (its DOCTYPE reader is stricter): still the file's fault, so say where.
    throw new ParseError('file', `not well-formed XML: ${brief(err instanceof Error ? err.message : String(err))}`);
  }
  const roots = convert(parsed).filter((n) => n.name !== '#text');
  const root = roots[0];
  if (!root) throw new ParseError('line 1, column 1', 'no root element');
  if (roots.length > 1) throw new ParseError(`/${roots[1]!.name}`, 'not well-formed XML: more than one root element');
  return root;
}

export function elements(node: XNode, name?: string): XNode[] {
  return node.children.filter((c) => c.name !== '#text' && (name === undefined || c.name === name));
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** First descendant with this name (depth-first), skipping subtrees named in `skip`. */
export function find(node: XNode, name: string, skip: ReadonlySet<string> = new Set()): XNode | undefined {
  for (const c of node.children) {
    if (c.name === name) return c;
    if (c.name === '#text' || skip.has(c.name)) continue;
    const hit = find(c, name, skip);
    if (hit) return hit;
  }
  return undefined;
}

/** Inline notes are markup, not clause text. */
const NOT_TEXT = new Set(['authorialNote', 'noteRef', 'meta']);
const BREAKS = new Set(['eol', 'eop', 'br']);

/** Concatenated text of a subtree, in document order, with block boundaries as spaces. */
export function textOf(node: XNode, skip: ReadonlySet<string> = NOT_TEXT): string {
  if (node.text !== undefined) return node.text;
  let s = '';
  for (const c of node.children) {
    if (c.text !== undefined) s += c.text;
    else if (BREAKS.has(c.name)) s += ' ';
    else if (!skip.has(c.name)) s += (c.name === 'p' ? ' ' : '') + textOf(c, skip) + (c.name === 'p' ? ' ' : '');
  }
  return s;
}

/** Child element path segment: "paragraph[3]" when the name repeats among siblings, else "paragraph". */
export function segmentOf(parent: XNode, node: XNode): string {
  const same = parent.children.filter((c) => c.name === node.name);
  return same.length > 1 ? `${node.name}[${same.indexOf(node) + 1}]` : node.name;
}
