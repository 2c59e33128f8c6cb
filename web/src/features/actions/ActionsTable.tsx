import { useMemo } from 'react';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import type { ActionSummary } from '@mandate/shared';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { StatusSelect } from './StatusSelect.tsx';
import { ACTION_SORTS, type ActionSort } from './search.ts';

const col = createColumnHelper<ActionSummary>();

interface Props {
  items: ActionSummary[];
  sort: ActionSort;
  order: 'asc' | 'desc';
  onSort: (sort: ActionSort, order: 'asc' | 'desc') => void;
  onStatusError: (e: unknown) => void;
  /** A newer page is loading: the rows shown are the previous ones. */
  busy?: boolean;
}

/** The plan table. Sorting and paging happen on the server; the table only renders one page. */
export function ActionsTable({ items, sort, order, onSort, onStatusError, busy = false }: Props) {
  const { t } = useTranslation();

  const columns = useMemo(
    () => [
      col.accessor('ref', {
        header: () => t('actions.col.ref'),
        cell: (c) => <span className="ref">{c.getValue()}</span>,
      }),
      col.accessor('title', {
        header: () => t('actions.col.title'),
        cell: (c) => (
          <Link to="/actions/$id" params={{ id: String(c.row.original.id) }}>
            {c.getValue()}
          </Link>
        ),
        meta: { className: 'cell-clip' },
      }),
      col.accessor('status', {
        header: () => t('actions.col.status'),
        cell: (c) => <StatusSelect action={c.row.original} onError={onStatusError} />,
      }),
      col.accessor('progress', {
        header: () => t('actions.col.progress'),
        cell: (c) => <ProgressBar value={c.getValue()} label={t('actions.progressOf', { ref: c.row.original.ref })} />,
      }),
      col.accessor('responsible', {
        header: () => t('actions.col.responsible'),
        enableSorting: false,
        cell: (c) => c.getValue().join(', '),
      }),
      col.accessor('dueDate', {
        header: () => t('actions.col.dueDate'),
        cell: (c) => {
          const a = c.row.original;
          return (
            <span className="due">
              {a.dueDate && (
                <span className={a.overdue ? 'overdue' : undefined} title={a.overdue ? t('actions.overdue') : undefined}>
                  {a.dueDate}
                  {a.overdue && <span className="visually-hidden"> ({t('actions.overdue')})</span>}
                </span>
              )}
              {a.recurrence && <span className="muted recurrence">{a.recurrence}</span>}
              {!a.dueDate && !a.recurrence && <span className="muted">—</span>}
            </span>
          );
        },
        meta: { className: 'nowrap' },
      }),
      col.accessor('lastUpdate', {
        header: () => t('actions.col.lastUpdate'),
        cell: (c) => c.getValue() ?? <span className="muted">{t('common.never')}</span>,
        meta: { className: 'nowrap' },
      }),
      col.accessor('documents', {
        header: () => t('actions.col.documents'),
        enableSorting: false,
        cell: (c) => (
          <ul className="list-inline docs-cell">
            {c.getValue().map((d) => (
              <li key={d.id}>
                <Link to="/documents/$id" params={{ id: String(d.id) }}>
                  {d.label}
                </Link>
              </li>
            ))}
          </ul>
        ),
      }),
    ],
    [t, onStatusError],
  );

  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const table = useReactTable({
    data: items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    state: { sorting },
    getRowId: (row) => String(row.id),
  });

  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data actions-table">
        <caption className="visually-hidden">{t('actions.tableCaption')}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id as ActionSort;
                const sortable = header.column.getCanSort() && (ACTION_SORTS as readonly string[]).includes(id);
                const active = sort === id;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {sortable ? (
                      <button
                        type="button"
                        className="sort-btn"
                        onClick={() => onSort(id, active && order === 'asc' ? 'desc' : 'asc')}
                      >
                        {label}
                        <span className="sort-icon" aria-hidden="true">
                          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { className?: string } | undefined)?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
