import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '@mandate/shared';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorBanner, Spinner } from '../../ui/Feedback.tsx';
import { useDocumentOptions } from '../documents/queries.ts';

/** The reader's way into a consolidated draft: pick the other document, open the draft of the two. */
export function ConsolidateWith({ doc }: { doc: Pick<DocumentDetail, 'id' | 'label'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-sm consolidate-with" onClick={() => setOpen(true)}>
        {t('streamline.consolidateWith')}
      </button>
      {/* In <body>, not in the reader's header: the dialog must not take on the header's styles. */}
      {createPortal(
        <Dialog open={open} title={t('streamline.consolidateWithTitle', { label: doc.label })} onClose={() => setOpen(false)}>
          <OtherDocumentPicker doc={doc} />
        </Dialog>,
        document.body,
      )}
    </>
  );
}

/** Mounted only while the dialog is open, so the library list is fetched only then. */
function OtherDocumentPicker({ doc }: { doc: Pick<DocumentDetail, 'id' | 'label'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useDocumentOptions();
  const [filter, setFilter] = useState('');
  const [other, setOther] = useState<number | null>(null);
  const matches = useMemo(() => {
    const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
    return (options.data?.items ?? []).filter((d) => d.id !== doc.id && words.every((w) => `${d.label} ${d.title}`.toLowerCase().includes(w)));
  }, [options.data, filter, doc.id]);
  const chosen = other !== null && matches.some((d) => d.id === other) ? other : (matches[0]?.id ?? null);

  return (
    <form
      className="stack consolidate-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== null) void navigate({ to: '/streamline/consolidate', search: { ids: [doc.id, chosen] } });
      }}
    >
      <p className="muted">{t('streamline.consolidateWithHint')}</p>
      <div className="field">
        <label htmlFor="consolidate-filter">{t('streamline.filter')}</label>
        <input id="consolidate-filter" type="search" value={filter} placeholder={t('streamline.filterPlaceholder')} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="consolidate-other">{t('streamline.otherDocument')}</label>
        {options.isPending ? (
          <Spinner />
        ) : (
          <select id="consolidate-other" size={8} value={chosen ?? ''} onChange={(e) => setOther(Number(e.target.value))}>
            {matches.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title ? `${d.label} — ${d.title}` : d.label}
              </option>
            ))}
          </select>
        )}
        {options.data && matches.length === 0 && <p className="hint">{t('streamline.noMatch')}</p>}
      </div>
      <ErrorBanner error={options.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={chosen === null}>
          {t('streamline.open')}
        </button>
      </div>
    </form>
  );
}
