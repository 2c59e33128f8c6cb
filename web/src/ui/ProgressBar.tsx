import { useTranslation } from 'react-i18next';

/** A compact progress bar with the percentage beside it, exposed to assistive tech as a progressbar. */
export function ProgressBar({ value, label }: { value: number; label?: string }) {
  const { t } = useTranslation();
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="progress">
      <span
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={label ?? t('common.progress')}
      >
        <span className="progress-fill" data-complete={pct === 100} style={{ inlineSize: `${pct}%` }} />
      </span>
      <span className="progress-label">{pct}%</span>
    </span>
  );
}
