import { useTranslation } from 'react-i18next';
import type { DiffOp, DiffSummary as Summary } from '@mandate/shared';
import { formatNumber } from '../../ui/format.ts';

/** Changes first, what stayed last. (A local list: values from @mandate/shared would bring zod into the bundle.) */
const ORDER = ['changed', 'added', 'removed', 'moved', 'unchanged'] as const satisfies readonly DiffOp[];

/** The counts per kind of change, as a list: each number next to its word. */
export function DiffSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <ul className="diff-summary" aria-label={t('lineage.summary')}>
      {ORDER.map((op) => (
        <li key={op} data-op={op}>
          <strong>{formatNumber(summary[op])}</strong> {t(`lineage.op.${op}`)}
        </li>
      ))}
    </ul>
  );
}
