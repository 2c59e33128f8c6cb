import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus } from '@mandate/shared';
import { ACTION_STATUSES } from '../../domain.ts';
import { useDocumentOptions } from '../documents/queries.ts';
import { useUnits } from './queries.ts';
import type { ActionSearch } from './search.ts';

/** A text input that reports its value after the user pauses typing (or presses Enter). */
export function DebouncedInput({ value, onChange, label, placeholder, type = 'search', delay = 300 }: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  placeholder?: string;
  type?: 'search' | 'text';
  delay?: number;
}) {
  const [text, setText] = useState(value);
  const latest = useRef(onChange);
  latest.current = onChange;
  // Follow outside changes (e.g. the top-bar search) without eating a trailing space being typed.
  useEffect(() => setText((prev) => (prev.trim() === value ? prev : value)), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => latest.current(text), delay);
    return () => clearTimeout(timer);
  }, [text, value, delay]);
  return (
    <input
      type={type}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          latest.current(text);
        }
      }}
    />
  );
}

/** <details> gives a keyboard-operable popover for free; we only add closing on outside click / Escape. */
function useClosingDetails() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return ref;
}

function StatusMultiSelect({ value, onChange }: { value: ActionStatus[]; onChange: (v: ActionStatus[]) => void }) {
  const { t } = useTranslation();
  const ref = useClosingDetails();
  const summary = value.length === 0 ? t('filters.allStatuses') : value.map((s) => t(`status.${s}`)).join(', ');
  const toggle = (s: ActionStatus, on: boolean) =>
    onChange(ACTION_STATUSES.filter((x) => (x === s ? on : value.includes(x))));
  return (
    <details className="dropdown" ref={ref}>
      <summary className="btn">
        {t('filters.status')}: <span className="dropdown-value">{summary}</span>
      </summary>
      <fieldset className="dropdown-menu">
        <legend className="visually-hidden">{t('filters.status')}</legend>
        {ACTION_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={value.includes(s)} onChange={(e) => toggle(s, e.target.checked)} />
            <span className="pill" data-status={s}>
              {t(`status.${s}`)}
            </span>
          </label>
        ))}
        {value.length > 0 && (
          <button type="button" className="btn-link" onClick={() => onChange([])}>
            {t('filters.clearStatus')}
          </button>
        )}
      </fieldset>
    </details>
  );
}

export function ActionFilters({ search, onChange }: { search: ActionSearch; onChange: (patch: Partial<ActionSearch>) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const documents = useDocumentOptions();
  const hasFilters = Boolean(
    search.q || search.status?.length || search.responsible || search.documentId || search.tag || search.overdue || search.stale,
  );
  // Items show a unit by its acronym (name when it has none), so the filter uses the same key;
  // a value that came in through a link stays selectable even if the list does not know it.
  const unitKey = (u: { name: string; acronym: string }) => u.acronym || u.name;
  const unitKeys = new Set(units.data?.items.map(unitKey));

  return (
    <div className="filters" role="group" aria-label={t('filters.label')}>
      <DebouncedInput
        value={search.q ?? ''}
        onChange={(q) => onChange({ q: q.trim() || undefined })}
        label={t('filters.search')}
        placeholder={t('filters.searchPlaceholder')}
      />
      <StatusMultiSelect value={search.status ?? []} onChange={(status) => onChange({ status: status.length ? status : undefined })} />
      <select
        aria-label={t('filters.responsible')}
        value={search.responsible ?? ''}
        onChange={(e) => onChange({ responsible: e.target.value || undefined })}
      >
        <option value="">{t('filters.anyResponsible')}</option>
        {search.responsible && units.data && !unitKeys.has(search.responsible) && (
          <option value={search.responsible}>{search.responsible}</option>
        )}
        {units.data?.items.map((u) => (
          <option key={u.id} value={unitKey(u)}>
            {u.acronym && u.acronym !== u.name ? `${u.acronym} — ${u.name}` : u.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filters.document')}
        className="select-wide"
        value={search.documentId ?? ''}
        onChange={(e) => onChange({ documentId: e.target.value ? Number(e.target.value) : undefined })}
      >
        <option value="">{t('filters.anyDocument')}</option>
        {documents.data?.items.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
      <DebouncedInput
        type="text"
        value={search.tag ?? ''}
        onChange={(tag) => onChange({ tag: tag.trim() || undefined })}
        label={t('filters.tag')}
        placeholder={t('filters.tag')}
      />
      <label className="check">
        <input type="checkbox" checked={Boolean(search.overdue)} onChange={(e) => onChange({ overdue: e.target.checked || undefined })} />
        {t('filters.overdueOnly')}
      </label>
      <label className="check">
        <input type="checkbox" checked={Boolean(search.stale)} onChange={(e) => onChange({ stale: e.target.checked || undefined })} />
        {t('filters.staleOnly')}
      </label>
      {hasFilters && (
        <button
          type="button"
          className="btn-link"
          onClick={() => onChange({ q: undefined, status: undefined, responsible: undefined, documentId: undefined, tag: undefined, overdue: undefined, stale: undefined })}
        >
          {t('filters.clearAll')}
        </button>
      )}
    </div>
  );
}
