import { useTranslation } from 'react-i18next';
import type { ActionDetail, ActionPatch } from '@mandate/shared';
import { formatValue, type Words } from '../../audit/format-change.ts';
import type { StaleWrite } from '../queries.ts';
import { myChanges, threeWay } from './three-way.ts';

/** The fields the edit form sends, in the order the form shows them. */
export const EDITABLE_FIELDS = ['title', 'description', 'status', 'progress', 'responsible', 'collaborators', 'reportsTo', 'dueDate', 'recurrence', 'tags'] as const;

interface Props {
  /** What the user was editing when they started. */
  base: ActionDetail;
  /** What they submitted. */
  mine: ActionPatch;
  stale: StaleWrite<ActionDetail>;
  pending: boolean;
  onUseTheirs: () => void;
  /** Re-send only the user's own changes, based on the current version. */
  onKeepMine: (patch: ActionPatch, version: number) => void;
}

/**
 * "X changed this while you were editing": their saved values beside the
 * user's, with the fields both changed highlighted; the user reloads theirs or
 * re-applies their own changes (only those) on top of the current version.
 */
export function ActionConflict({ base, mine, stale, pending, onUseTheirs, onKeepMine }: Props) {
  const { t } = useTranslation();
  const words: Words = { empty: '—', yes: t('history.yes'), no: t('history.no') };
  const rows = threeWay(EDITABLE_FIELDS, base, mine, stale.current);
  const mineOnly = myChanges(rows) as ActionPatch;
  const show = (field: string, v: unknown) => (field === 'status' && typeof v === 'string' ? t(`status.${v}`) : formatValue(v, words));
  const by = stale.lastChange;

  return (
    <div className="banner banner-warning" role="alert">
      <div className="banner-body">
        <strong>{by ? t('conflict.changedBy', { actor: by.actor, at: `${by.at.slice(0, 16).replace('T', ' ')} UTC` }) : t('conflict.changedBySomeone')}</strong>
        <div>{t('conflict.intro')}</div>
        <table className="data conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('conflict.field')}</th>
              <th scope="col">{t('conflict.theirs')}</th>
              <th scope="col">{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field} className={r.conflict ? 'is-conflict' : undefined}>
                <th scope="row">
                  {t(`history.field.${r.field}`)}
                  {r.conflict && <span className="muted"> ({t('conflict.both')})</span>}
                </th>
                <td>{show(r.field, r.theirs)}</td>
                <td>{show(r.field, r.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="toolbar">
          <button type="button" className="btn btn-sm" disabled={pending} onClick={onUseTheirs}>
            {t('conflict.useTheirs')}
          </button>
          <button type="button" className="btn btn-primary btn-sm" disabled={pending || Object.keys(mineOnly).length === 0} onClick={() => onKeepMine(mineOnly, stale.current.version)}>
            {t('conflict.keepMine')}
          </button>
        </div>
      </div>
    </div>
  );
}
