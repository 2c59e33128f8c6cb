import { useTranslation } from 'react-i18next';
import type { WordSegment } from '@mandate/shared';

/**
 * Word-level changes as <ins> and <del>, each with a hidden "inserted:" /
 * "deleted:" for screen readers (which mostly do not announce the elements):
 * the change is never told by colour alone, and the underline and strike-through
 * carry it on paper too.
 */
export function WordChanges({ words }: { words: WordSegment[] }) {
  return (
    <>
      {words.map((w, i) => (w.op === 'equal' ? <span key={i}>{w.text}</span> : <Change key={i} op={w.op} text={w.text} />))}
    </>
  );
}

export function Change({ op, text }: { op: 'insert' | 'delete'; text: string }) {
  const { t } = useTranslation();
  const Tag = op === 'insert' ? 'ins' : 'del';
  return (
    <Tag className={`word-${op}`}>
      <span className="visually-hidden">{t(op === 'insert' ? 'lineage.inserted' : 'lineage.deleted')} </span>
      {text}
    </Tag>
  );
}
