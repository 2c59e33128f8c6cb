import { useTranslation } from 'react-i18next';
import type { ReferenceStatus } from '@mandate/shared';
import './references.css';

/** Outdated in the warning colour, resolved in the "done" green, unknown grey, ambiguous blue (references.css). */
export function ReferenceStatusPill({ status }: { status: ReferenceStatus }) {
  const { t } = useTranslation();
  return (
    <span className="pill ref-pill" data-ref-status={status}>
      {t(`references.status.${status}`)}
    </span>
  );
}
