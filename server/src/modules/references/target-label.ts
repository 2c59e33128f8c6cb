import type { ReferenceTarget } from '../../analysis/references/types.ts';
import { documentLabel } from '../library/document-label.ts';

/**
 * How people write a cited target: "PP Resolution 175 (Rev. Dubai, 2018)",
 * "Recommendation ITU-T A.1", "Question 4/20", "WSIS Action Line C2",
 * "A/74/821".
 */
export function targetLabel(t: ReferenceTarget): string {
  const body = t.body;
  switch (t.kind) {
    case 'recommendation':
      if (t.series) return `Recommendation ${body} ${t.number}`;
      break;
    case 'report':
      return `Report ${body} ${t.number}`.replace(/\s+/g, ' ');
    case 'question':
      return body ? `Question ${t.number} (${body})` : `Question ${t.number}`;
    case 'action-line':
      return `WSIS Action Line ${t.number}`;
    case 'document':
      return t.number;
  }
  // "3379 (XXX)" keeps its session; "70/125" already carries it.
  const session = t.session && !t.number.startsWith(`${t.session}/`) ? t.session : '';
  const revision = t.revision ?? session;
  return documentLabel({ body, kind: t.kind, number: t.number, revision }).trim();
}
