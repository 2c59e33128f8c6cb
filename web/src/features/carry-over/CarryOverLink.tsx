import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentDiff } from '@mandate/shared';
import { useCan } from '../auth/session.ts';

/** The compare page's way in: two revisions of one lineage, older → newer; shown to those who may read the plan. */
export function CarryOverLink({ diff }: { diff: Pick<DocumentDiff, 'older' | 'newer' | 'sameLineage'> | undefined }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!diff?.sameLineage || !can.read) return null;
  return (
    <Link className="btn" to="/documents/$id/carry-over" params={{ id: String(diff.older.id) }} search={{ to: diff.newer.id }} title={t('carryOver.linkHint')}>
      {t('carryOver.link')}
    </Link>
  );
}
