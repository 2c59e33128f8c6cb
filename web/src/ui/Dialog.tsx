import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and
 * returns focus to the opener, so we do not re-implement any of that.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      // Start in the form, not on the Close button the browser would pick.
      el.querySelector<HTMLElement>('.panel-body input, .panel-body select, .panel-body textarea')?.focus();
    }
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <div className="panel-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn-sm" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
          <div className="panel-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
