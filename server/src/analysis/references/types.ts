/**
 * A citation found in a text ("PP Res. 175 (Rev. Dubai, 2018)", "its
 * resolution 186 (1964)", "A/RES/70/125", "Question 4/20"), with the span it
 * occupies and the document it points at, normalised so that the same target
 * written two ways compares equal.
 */

export type ReferenceKind =
  | 'resolution'
  | 'decision'
  | 'recommendation'
  | 'opinion'
  | 'report'
  | 'question'
  | 'action-line'
  | 'document';

export interface ReferenceTarget {
  /** Issuing body code as in ParsedDocument.body ("PP", "WTSA", "Council", "UNSC", "UNGA", "ITU-T", "WSIS"), "" when the text does not say. */
  body: string;
  kind: ReferenceKind;
  /** "175", "70/125", "A.1", "4/20", "C2", or a document symbol "A/74/821". */
  number: string;
  /** Revision as ParsedDocument.revision writes it: "Rev. Dubai, 2018", "Guadalajara, 2010", "1964". */
  revision?: string;
  year?: number;
  /** UN General Assembly session ("XXX", "S-2", "70") or ITU Council session ("C15"). */
  session?: string;
  /** Recommendation series ("A" of ITU-T A.1, "RS" of ITU-R RS.2456). */
  series?: string;
}

export interface ParsedReference {
  /** The citation exactly as it stands in the text (line breaks included). */
  text: string;
  /** JavaScript string indices into the text given: text === source.slice(start, end). */
  start: number;
  end: number;
  target: ReferenceTarget;
  /** Set when the citation is malformed and was read by repair ("(Rev. Dubai (2018)"). */
  problem?: string;
}
