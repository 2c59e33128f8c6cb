/** What the candidate finder reads and writes. Ids are the library's document ids. */

export type CandidateType = 'merge' | 'suppress' | 'update' | 'boilerplate';

export interface CandidateDocument {
  id: number;
  /** "PP Resolution 64 (Rev. Dubai, 2018)". */
  label: string;
  title: string;
  status: 'in_force' | 'superseded' | 'suppressed';
  /** Body + kind + number: revisions of one text share it (their overlap is history, not a finding). */
  lineage: string;
  year: number | null;
  /** Words in the document's text (documentText), for the share of it a pair covers. */
  words: number;
  /** Where the enacting formula ends in the text: boilerplate before it is the formula every text must carry. */
  bodyStart: number;
  /** Whom the operative clauses address ("TSB Director", "Member States and Sector Members"). */
  addressees: string[];
  /** Action items linked to its clauses; `completed` counts those closed as completed. */
  actions: { total: number; completed: number };
  /** Revisions no longer in force that it cites (each counted once), with the first few labels. */
  outdated: { count: number; examples: string[] };
  /** The newer revision in force, for a superseded document. */
  supersededBy?: { id: number; label: string };
}

export interface CandidatePair {
  a: number;
  b: number;
  /** The engine's containment: share of the shorter text in shared passages. */
  containment: number;
  /** Share of each document's words inside the shared passages. */
  coverA: number;
  coverB: number;
  passages: number;
  sharedWords: number;
}

export interface CandidateBoilerplate {
  text: string;
  words: number;
  documents: number;
  occurrences: { id: number; start: number; end: number }[];
}

export interface CandidateInput {
  documents: CandidateDocument[];
  pairs: CandidatePair[];
  boilerplate: CandidateBoilerplate[];
}

export interface Evidence {
  containment?: number;
  coverA?: number;
  coverB?: number;
  passages?: number;
  sharedWords?: number;
  sharedAddressees?: string[];
  topicWords?: string[];
  /** The text this one is contained in (suppress), or the revision that replaced it. */
  containedIn?: number;
  supersededBy?: number;
  actions?: { total: number; completed: number };
  outdated?: number;
  outdatedExamples?: string[];
  text?: string;
  documents?: number;
}

export interface Candidate {
  type: CandidateType;
  documentIds: number[];
  /** One line a secretariat can read out: why this text is proposed. */
  reason: string;
  evidence: Evidence;
  /** Strength in [0, 1]: candidates are sorted by it, strongest first. */
  score: number;
}

export interface CandidateThresholds {
  /** Both texts share at least this much of themselves with the other: merge. */
  merge: number;
  /** A text with at least this much of itself in another in-force text: suppress. */
  contained: number;
  /** Addressee sets this similar (Jaccard) count as "the same addressees". */
  addressees: number;
  /** Titles this similar (Jaccard of content words) count as "the same topic". */
  topic: number;
  /** A passage repeated in at least this many documents… */
  boilerplateDocuments: number;
  /** …and at least this long (words) is worth trimming. */
  boilerplateWords: number;
}

export const DEFAULT_THRESHOLDS: CandidateThresholds = {
  merge: 0.5,
  contained: 0.9,
  addressees: 0.5,
  topic: 0.3,
  boilerplateDocuments: 5,
  boilerplateWords: 20,
};
