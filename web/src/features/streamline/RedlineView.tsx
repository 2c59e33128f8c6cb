import { useTranslation } from 'react-i18next';
import type { RedlineParagraph, SourceRedline } from '@mandate/shared';
import { Changes } from './Changes.tsx';

const COUNTS = ['equal', 'changed', 'inserted', 'deleted'] as const;

/** One source's text turned into the draft: every paragraph, with its word changes. */
export function RedlineView({ redline, label }: { redline: SourceRedline; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="redline">
      <ul className="redline-summary" aria-label={t('streamline.summary', { label })}>
        {COUNTS.map((k) => (
          <li key={k} data-op={k}>
            {t(`streamline.count.${k}`)} <strong>{redline.summary[k]}</strong>
          </li>
        ))}
      </ul>
      <p className="muted redline-legend">{t('streamline.legend')}</p>
      <div className="redline-text">
        {redline.paragraphs.map((p, i) => (
          <Paragraph key={i} p={p} />
        ))}
      </div>
    </div>
  );
}

function Paragraph({ p }: { p: RedlineParagraph }) {
  const { t } = useTranslation();
  // A paragraph added or removed whole says so in words as well as by its marks.
  const whole = p.op === 'insert' ? t('streamline.paragraphAdded') : p.op === 'delete' ? t('streamline.paragraphRemoved') : null;
  return (
    <p className={`redline-para redline-${p.role}`} data-op={p.op}>
      {whole && (
        <span className="redline-tag" aria-hidden="true">
          {whole}
        </span>
      )}
      <Changes segments={p.segments} />
    </p>
  );
}
