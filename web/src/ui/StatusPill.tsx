import { useTranslation } from 'react-i18next';

type Kind = 'status' | 'documentStatus' | 'suggestionStatus';

/** A coloured, translated status label; colours come from `data-status` in components.css. */
export function StatusPill({ status, kind = 'status' }: { status: string; kind?: Kind }) {
  const { t } = useTranslation();
  return (
    <span className="pill" data-status={status}>
      {t(`${kind}.${status}`, { defaultValue: status.replace(/_/g, ' ') })}
    </span>
  );
}
