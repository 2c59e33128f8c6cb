import { useId, type ReactNode } from 'react';

/**
 * A labelled form control. The label names the control exactly (no hint text, no option text
 * mixed in, which is what a wrapping <label> around a <select> would give); the hint is tied
 * to the control with aria-describedby.
 */
export function Field({ label, hint, wide, children }: {
  label: string;
  hint?: string;
  wide?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={wide ? 'field span-all' : 'field'}>
      <span className="field-head">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <span id={hintId} className="hint">
            {hint}
          </span>
        )}
      </span>
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
    </div>
  );
}
