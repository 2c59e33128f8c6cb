import { useTranslation } from 'react-i18next';
import type { WordSegment } from '@mandate/shared';

/**
 * Word changes as <ins> and <del>, each with a hidden "inserted:" / "deleted:"
 * for screen readers (which mostly do not announce the elements): a change
 * is never told by colour alone; underline and strike-through carry it on paper too.
 */
export function Changes({ segments }: { segments: WordSegment[] }) {
  const { t } = useTranslation();
  return (
    <>
      {segments.map((s, i) => {
        if (s.op === 'equal') return <span key={i}>{s.text}</span>;
        const Tag = s.op === 'insert' ? 'ins' : 'del';
        return (
          <Tag key={i} className={`word-${s.op}`}>
            <span className="visually-hidden">{t(s.op === 'insert' ? 'streamline.inserted' : 'streamline.deleted')} </span>
            {s.text}
          </Tag>
        );
      })}
    </>
  );
}
