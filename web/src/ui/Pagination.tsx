import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const PAGE_SIZES = [25, 50, 100, 200];

interface Props {
  total: number;
  limit: number;
  offset: number;
  onChange: (next: { limit: number; offset: number }) => void;
}

export function Pagination({ total, limit, offset, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <span>{t('pagination.range', { from, to, total })}</span>
      <div className="toolbar">
        <span className="check">
          <label htmlFor={id}>{t('pagination.perPage')}</label>
          <select id={id} value={limit} onChange={(e) => onChange({ limit: Number(e.target.value), offset: 0 })}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          className="btn btn-sm"
          disabled={offset === 0}
          onClick={() => onChange({ limit, offset: Math.max(0, offset - limit) })}
        >
          {t('pagination.previous')}
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={offset + limit >= total}
          onClick={() => onChange({ limit, offset: offset + limit })}
        >
          {t('pagination.next')}
        </button>
      </div>
    </nav>
  );
}
