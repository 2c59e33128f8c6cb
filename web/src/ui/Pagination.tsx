import { useId } from 'react';
import { useNavigate } from '@tanstack/react-router';
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

/**
 * Pagination kept in the URL (?limit=&offset=) as the list pages keep it, so a
 * page of results can be bookmarked and shared; the other search params stay.
 */
export function UrlPagination({ total, search }: { total: number; search: { limit?: number; offset?: number } }) {
  const navigate = useNavigate();
  return (
    <Pagination
      total={total}
      limit={search.limit ?? 50}
      offset={search.offset ?? 0}
      onChange={(next) => void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, limit: next.limit, offset: next.offset || undefined }) })}
    />
  );
}
