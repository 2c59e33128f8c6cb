import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { useLineage } from './queries.ts';
import './lineage.css';

/** The reader's "Revisions" block: the document's lineage, each other revision with a link to compare. Hidden for a lone revision. */
export function RevisionsPanel({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  const lineage = useLineage(documentId);
  const items = lineage.data?.items ?? [];
  if (items.length < 2) return null;
  return (
    <section className="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title" className="section-title">
        {t('lineage.revisions')}
      </h2>
      <p className="muted revisions-hint">{t('lineage.revisionsHint')}</p>
      <ul className="revision-list">
        {items.map((r) => (
          <li key={r.id} aria-current={r.id === documentId ? 'page' : undefined}>
            {r.id === documentId ? (
              <span>
                <strong>{r.label}</strong> <span className="muted">{t('lineage.thisRevision')}</span>
              </span>
            ) : (
              <Link to="/documents/$id" params={{ id: String(r.id) }}>
                {r.label}
              </Link>
            )}
            <StatusPill status={r.status} kind="documentStatus" />
            {r.id !== documentId && (
              <Link
                to="/documents/$id/compare"
                params={{ id: String(documentId) }}
                search={{ against: r.id }}
                className="btn btn-sm"
                aria-label={t('lineage.compareWith', { label: r.label })}
              >
                {t('lineage.compare')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
