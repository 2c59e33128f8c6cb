import type { ClauseOrigin, ConsolidatedDraft, DraftClause, RemovedClause } from '@mandate/shared';
import { slugify } from '../common/text.ts';
import { blocksOf, type Block } from './blocks.ts';
import { displayHeading, headingKey, mergeSequences, operativeRank } from './heading-order.ts';
import { fitClosingMarks } from './punctuation.ts';
import { nearDuplicates, similarity } from './similarity.ts';
import { relabelSubItems } from './sub-items.ts';
import { DEFAULT_THRESHOLD, DRAFT_HEADER, type ConsolidateOptions, type ConsolidationSource } from './types.ts';

/**
 * One text out of several documents chosen for a merge.
 *
 * Each clause (with its sub-items: a {@link Block}) joins the most similar
 * group of clauses already seen in its scope, or opens one: the whole
 * preamble is one scope (a recital is kept once whatever heading it stood
 * under), each operative heading another (an instruction to the Director is
 * not the same act as a resolve with the same words). Within one source only
 * identical clauses merge: a document's own near-duplicates are deliberate.
 * A group keeps the most recent wording when the sources' years differ, else
 * the longest; every clause it stands for is among its origins, and those
 * whose wording was dropped are also listed in `removed`. What counts as a
 * near-duplicate is `nearDuplicates`' to say. Clauses are renumbered
 * under their headings, and a clause that now stands elsewhere in its list
 * gets that place's closing mark (see `fitClosingMarks`).
 */

interface Cluster {
  rep: Block;
  members: Block[];
}

/** Group of a draft clause: kind and normalised heading. */
const groupOf = (b: Block) => `${b.kind}\u0000${b.headingKey}`;

export function consolidate(sources: readonly ConsolidationSource[], opts: ConsolidateOptions = {}): ConsolidatedDraft {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const removed: RemovedClause[] = [];
  const scopes = new Map<string, Cluster[]>();
  const clusterOf = new Map<Block, Cluster>();
  const blocksBySource = sources.map((s, si) => {
    const { blocks, empty } = blocksOf(si, s.clauses);
    for (const i of empty) removed.push({ sourceId: s.id, path: s.clauses[i]!.path, reason: 'empty', duplicateOf: null, similarity: 0 });
    return blocks;
  });

  for (const blocks of blocksBySource) {
    for (const b of blocks) {
      const scope = b.kind === 'preambular' ? 'preambular' : groupOf(b);
      const clusters = scopes.get(scope) ?? [];
      scopes.set(scope, clusters);
      const best = bestCluster(b, clusters, threshold);
      if (best) {
        best.members.push(b);
        if (prefer(b, best.rep, sources)) best.rep = b;
        clusterOf.set(b, best);
      } else {
        const created = { rep: b, members: [b] };
        clusters.push(created);
        clusterOf.set(b, created);
      }
    }
  }

  const clauses: DraftClause[] = [];
  /** The source clause whose wording each draft clause keeps. */
  const kept: { source: number; index: number }[] = [];
  const usedPaths = new Set<string>();
  for (const group of orderedGroups(sources, blocksBySource, clusterOf)) {
    group.clusters.forEach((cluster, k) => {
      const num = group.clusters.length > 1 ? ordinalLabel(group.kind, k) : '';
      clauses.push(...draftClausesOf(cluster, group.heading, num, sources, usedPaths, removed));
      kept.push(...cluster.rep.clauses.map((index) => ({ source: cluster.rep.source, index })));
    });
  }
  fitClosingMarks(clauses, (i) => {
    const { source, index } = kept[i]!;
    return { clauses: sources[source]!.clauses, index };
  });
  const first = sources[0];
  const title = opts.title ?? first?.title;
  const preamble = opts.preamble ?? first?.preamble;
  return {
    header: opts.header ?? DRAFT_HEADER,
    ...(title ? { title } : {}),
    ...(preamble ? { preamble } : {}),
    clauses,
    removed,
  };
}

function bestCluster(b: Block, clusters: readonly Cluster[], threshold: number): Cluster | null {
  let best: Cluster | null = null;
  let bestScore = -1;
  for (const c of clusters) {
    const sameSource = c.members.some((m) => m.source === b.source);
    if (sameSource && c.rep.whole.key !== b.whole.key) continue;
    if (!nearDuplicates(b.whole, c.rep.whole, threshold)) continue;
    const score = similarity(b.whole, c.rep.whole);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Whether a newcomer's wording should replace the group's: more recent when the years differ, else longer. */
function prefer(b: Block, rep: Block, sources: readonly ConsolidationSource[]): boolean {
  const yb = sources[b.source]!.year ?? null;
  const yr = sources[rep.source]!.year ?? null;
  if (yb !== null && yr !== null && yb !== yr) return yb > yr;
  return b.whole.words > rep.whole.words;
}

interface Group {
  kind: Block['kind'];
  heading: string;
  clusters: Cluster[];
}

/**
 * Headings, and the groups of clauses under each, in draft order. A group
 * stands under its kept wording's heading; its place among the others comes
 * from the order of the sources' blocks (see {@link mergeSequences}).
 */
function orderedGroups(sources: readonly ConsolidationSource[], blocksBySource: Block[][], clusterOf: Map<Block, Cluster>): Group[] {
  const headingOf = new Map<string, { heading: string; addressee: string | null; kind: Block['kind'] }>();
  sources.forEach((s) => {
    for (const c of s.clauses) {
      const key = `${c.kind}\u0000${headingKey(c.heading)}`;
      if (!headingOf.has(key)) headingOf.set(key, { heading: displayHeading(c.heading), addressee: c.addressee, kind: c.kind });
    }
  });
  const keyOrder = mergeSequences(blocksBySource.map((blocks) => unique(blocks.map(groupOf))));
  const members = new Map<string, Cluster[][]>();
  blocksBySource.forEach((blocks) => {
    const perGroup = new Map<string, Cluster[]>();
    for (const b of blocks) {
      const cluster = clusterOf.get(b)!;
      const key = groupOf(cluster.rep);
      perGroup.set(key, [...(perGroup.get(key) ?? []), cluster]);
    }
    for (const [key, seq] of perGroup) members.set(key, [...(members.get(key) ?? []), unique(seq)]);
  });
  const groups = keyOrder
    .filter((key) => members.has(key))
    .map((key) => ({ key, ...headingOf.get(key)!, clusters: mergeSequences(members.get(key)!) }));
  const preambular = groups.filter((g) => g.kind === 'preambular');
  const operative = groups.filter((g) => g.kind === 'operative');
  const rank = new Map(operative.map((g) => [g.key, operativeRank(g.heading, g.addressee)]));
  // Array.prototype.sort is stable: equal ranks keep the sources' order.
  operative.sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return [...preambular, ...operative];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** a … z, aa … zz for recitals; 1, 2, 3 for operative clauses (the ITU style). */
function ordinalLabel(kind: Block['kind'], k: number): string {
  if (kind === 'operative' || k >= 52) return String(k + 1);
  const letter = String.fromCharCode(97 + (k % 26));
  return k < 26 ? letter : letter + letter;
}

/** The draft clauses of one group of blocks: the kept block's clauses, each with the source clauses it stands for. */
function draftClausesOf(
  cluster: Cluster,
  heading: string,
  num: string,
  sources: readonly ConsolidationSource[],
  usedPaths: Set<string>,
  removed: RemovedClause[],
): DraftClause[] {
  const rep = cluster.rep;
  const repSource = sources[rep.source]!;
  const leadPath = uniquePath(num ? `${slugify(heading)}/${num}` : slugify(heading) || 'clause', usedPaths);
  const [lead, ...items] = rep.clauses.map((ci) => repSource.clauses[ci]!);
  const subItems = relabelSubItems(lead!, num, items);
  const out = rep.clauses.map((ci, k): DraftClause => {
    const c = repSource.clauses[ci]!;
    const sub = subItems[k - 1];
    return {
      kind: c.kind,
      heading,
      addressee: c.addressee,
      num: sub ? sub.num : num,
      path: sub ? uniquePath(`${leadPath}/${sub.rel}`, usedPaths) : leadPath,
      text: c.text,
      origin: [{ sourceId: repSource.id, path: c.path, similarity: 1 }],
      status: 'kept',
    };
  });
  for (const member of cluster.members) {
    if (member === rep) continue;
    const source = sources[member.source]!;
    pairParts(member, rep).forEach(({ to, similarity: sim }, k) => {
      const path = source.clauses[member.clauses[k]!]!.path;
      const origin: ClauseOrigin = { sourceId: source.id, path, similarity: sim };
      out[to]!.origin.push(origin);
      const duplicate = member.parts[k]!.key === rep.parts[to]!.key;
      removed.push({ sourceId: source.id, path, reason: duplicate ? 'duplicate' : 'near-duplicate', duplicateOf: out[to]!.path, similarity: sim });
    });
  }
  for (const c of out) if (c.origin.length > 1) c.status = 'merged';
  return out;
}

/** Which kept clause each clause of a merged block stands for: the same place when both have as many, else the most similar. */
function pairParts(member: Block, rep: Block): { to: number; similarity: number }[] {
  return member.parts.map((part, k) => {
    if (member.parts.length === rep.parts.length) return { to: k, similarity: similarity(part, rep.parts[k]!) };
    let to = 0;
    let best = -1;
    rep.parts.forEach((r, j) => {
      const s = similarity(part, r);
      if (s > best) [to, best] = [j, s];
    });
    return { to, similarity: best };
  });
}

function uniquePath(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate); n++) candidate = `${path}#${n}`;
  used.add(candidate);
  return candidate;
}
