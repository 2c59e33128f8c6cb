import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CarryOverClause, CarryOverItem, CarryOverLink, CarryOverProposal } from '@mandate/shared';
import { StatusPill } from '../../ui/StatusPill.tsx';
import { ConfidenceMeter } from './ConfidenceMeter.tsx';
import { canCarry, retarget, setAll, setChecked, type Choices } from './selection.ts';

interface Props {
  proposal: CarryOverProposal;
  choices: Choices;
  onChange: (next: Choices) => void;
  /** Viewers see the proposal without the controls that would change it. */
  editable: boolean;
}

/** One row per action item: its clauses in the older revision, the newer clause chosen for each, how sure we are. */
export function ProposalTable({ proposal, choices, onChange, editable }: Props) {
  const { t } = useTranslation();
  const carriable = proposal.items.filter((i) => canCarry(i, choices[i.actionId]));
  const allChecked = carriable.length > 0 && carriable.every((i) => choices[i.actionId]?.checked);
  const someChecked = carriable.some((i) => choices[i.actionId]?.checked);
  return (
    <div className="table-wrap no-max">
      <table className="data carry-table">
        <caption className="visually-hidden">{t('carryOver.table')}</caption>
        <thead>
          <tr>
            <th scope="col" className="carry-check">
              {editable ? (
                <input
                  type="checkbox"
                  aria-label={t('carryOver.selectAll')}
                  checked={allChecked}
                  ref={(el) => {
                    // Some rows ticked, not all: shown as a dash, and a click ticks them all.
                    if (el) el.indeterminate = !allChecked && someChecked;
                  }}
                  disabled={carriable.length === 0}
                  onChange={(e) => onChange(setAll(choices, proposal, e.target.checked))}
                />
              ) : (
                <span className="visually-hidden">{t('carryOver.col.carry')}</span>
              )}
            </th>
            <th scope="col">{t('carryOver.col.item')}</th>
            <th scope="col">{t('carryOver.col.clauses')}</th>
            <th scope="col">{t('carryOver.col.confidence')}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.items.map((item) => (
            <ProposalRow key={item.actionId} item={item} proposal={proposal} choices={choices} onChange={onChange} editable={editable} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProposalRow({ item, proposal, choices, onChange, editable }: { item: CarryOverItem } & Props) {
  const { t } = useTranslation();
  const choice = choices[item.actionId];
  const carried = item.to.length > 0 && item.to.every((id) => item.alreadyCited.includes(id));
  const cited = proposal.targets.filter((c) => item.alreadyCited.includes(c.id)).map((c) => c.label);
  return (
    <tr data-level={item.level} data-checked={editable && (choice?.checked ?? false)}>
      <td className="carry-check">
        {editable && (
          <input
            type="checkbox"
            aria-label={t('carryOver.carryOne', { ref: item.ref })}
            checked={choice?.checked ?? false}
            disabled={!canCarry(item, choice)}
            onChange={(e) => onChange(setChecked(choices, item, e.target.checked))}
          />
        )}
      </td>
      <td className="carry-item">
        <Link to="/actions/$id" params={{ id: String(item.actionId) }} className="ref">
          {item.ref}
        </Link>{' '}
        <StatusPill status={item.status} />
        <span className="carry-title">{item.title}</span>
        {cited.length > 0 && <span className="carry-sub">{carried ? t('carryOver.carriedAlready') : t('carryOver.alreadyCites', { labels: cited.join(', ') })}</span>}
      </td>
      <td>
        <ul className="carry-links">
          {item.links.map((link) => (
            <LinkChoice key={link.from.id} item={item} link={link} targets={proposal.targets} value={choice?.targets[link.from.id] ?? null} editable={editable} onPick={(to) => onChange(retarget(choices, item, link.from.id, to))} />
          ))}
        </ul>
      </td>
      <td>
        <ConfidenceMeter value={item.confidence} level={item.level} reason={item.reason} />
      </td>
    </tr>
  );
}

const excerpt = (text: string, max = 70) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

function LinkChoice({ item, link, targets, value, editable, onPick }: { item: CarryOverItem; link: CarryOverLink; targets: CarryOverClause[]; value: number | null; editable: boolean; onPick: (to: number | null) => void }) {
  const { t } = useTranslation();
  // The proposed target is offered even when it is not operative (a clause moved into the preamble).
  const options = link.to && !targets.some((c) => c.id === link.to!.id) ? [link.to, ...targets] : targets;
  const chosen = options.find((c) => c.id === value);
  return (
    <li className="carry-link" data-reason={link.reason}>
      <span className="carry-clause" title={link.from.text}>
        <strong>{link.from.label}</strong>
        <span className="carry-text">{link.from.text}</span>
      </span>
      <span aria-hidden="true" className="carry-arrow">
        →
      </span>
      {editable ? (
        <span className="carry-clause">
          <select
            className="carry-target"
            aria-label={t('carryOver.targetFor', { clause: link.from.label, ref: item.ref })}
            value={value ?? ''}
            title={chosen?.text}
            onChange={(e) => onPick(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t('carryOver.noneOption')}</option>
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} — {excerpt(c.text)}
              </option>
            ))}
          </select>
          {chosen && <span className="carry-text">{chosen.text}</span>}
        </span>
      ) : (
        <span className="carry-clause">
          <strong>{chosen ? chosen.label : t('carryOver.reason.removed')}</strong>
          {chosen && <span className="carry-text">{chosen.text}</span>}
        </span>
      )}
    </li>
  );
}
