import { bodyFromAuthor } from '../common/document-id.ts';
import { ParseError, type ParsedDocument, type ParseProblem } from '../types.ts';
import { extractClauses } from './extract.ts';
import { authorOf, readMetadata } from './metadata.ts';
import { elements, parseXmlRoot, segmentOf, type XNode } from './xml.ts';

/**
 * Akoma Ntoso 3.0 import: one document (<statement>, <act>, <bill>, <doc>)
 * or a <documentCollection> of them. Whole-file faults throw ParseError;
 * everything the importer can work around is returned as problems.
 */

const DOCUMENT_TYPES = new Set(['statement', 'act', 'bill', 'doc']);
const OTHER_AKN_TYPES = new Set([
  'amendment', 'amendmentList', 'debate', 'debateReport', 'judgment', 'officialGazette', 'portion',
]);

interface Found {
  node: XNode;
  location: string;
  inheritedBody: string;
}

/**
 * Documents inside a collection, in order. Components may sit in
 * <collectionBody> or (as AKN4UN does) in <components>, possibly nested in
 * further collections; <componentRef> only points at them and is ignored.
 */
function collectDocuments(collection: XNode, location: string, inheritedBody: string, found: Found[], problems: ParseProblem[]): void {
  const body = bodyFromAuthor(authorOf(collection)) || inheritedBody;
  const visit = (node: XNode, loc: string) => {
    for (const c of elements(node)) {
      const cLoc = `${loc}/${segmentOf(node, c)}`;
      if (c.name === 'meta' || c.name === 'preface' || c.name === 'componentRef') continue;
      if (DOCUMENT_TYPES.has(c.name)) found.push({ node: c, location: cLoc, inheritedBody: body });
      else if (c.name === 'documentCollection') collectDocuments(c, cLoc, body, found, problems);
      else if (OTHER_AKN_TYPES.has(c.name)) problems.push({ location: cLoc, message: `<${c.name}> is not a resolution-like document; skipped` });
      else visit(c, cLoc);
    }
  };
  visit(collection, location);
}

function parseOne(f: Found): ParsedDocument {
  const { meta, problems: metaProblems } = readMetadata(f.node, f.location, f.inheritedBody);
  const { clauses, problems } = extractClauses(f.node, f.location);
  return { ...meta, clauses, problems: [...metaProblems, ...problems] };
}

export function parseAkn(xml: string): { documents: ParsedDocument[]; problems: ParseProblem[] } {
  const root = parseXmlRoot(xml);
  if (root.name !== 'akomaNtoso') {
    throw new ParseError(`/${root.name}`, `not an Akoma Ntoso document: root element is <${root.name}>`);
  }
  const problems: ParseProblem[] = [];
  const top = elements(root)[0];
  if (!top) throw new ParseError('/akomaNtoso', 'empty <akomaNtoso>: no document inside');
  const location = `akomaNtoso/${segmentOf(root, top)}`;
  const found: Found[] = [];
  if (top.name === 'documentCollection') {
    collectDocuments(top, location, '', found, problems);
    if (found.length === 0) throw new ParseError(location, 'document collection holds no documents');
  } else if (DOCUMENT_TYPES.has(top.name)) {
    found.push({ node: top, location, inheritedBody: '' });
  } else {
    throw new ParseError(location, `unsupported Akoma Ntoso document type <${top.name}>`);
  }
  return { documents: found.map(parseOne), problems };
}
