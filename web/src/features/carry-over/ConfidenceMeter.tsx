import { useTranslation } from 'react-i18next';
import type { CarryOverReason, ConfidenceLevel } from '@mandate/shared';

/** A short bar coloured by level, with the level and percentage in words (never colour alone). */
export function ConfidenceMeter({ value, level, reason }: { value: number; level: ConfidenceLevel; reason: CarryOverReason }) {
  const { t } = useTranslation();
  const percent = Math.round(value * 100);
  const label = t('carryOver.confidenceLabel', { level: t(`carryOver.level.${level}`), percent });
  return (
    <span className="carry-confidence" data-level={level}>
      <span className="carry-meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('carryOver.col.confidence')} aria-valuetext={label}>
        <span className="carry-meter-fill" style={{ inlineSize: `${percent}%` }} />
      </span>
      <span className="carry-confidence-label">{label}</span>
      <span className="carry-reason">{t(`carryOver.reason.${reason}`)}</span>
    </span>
  );
}
