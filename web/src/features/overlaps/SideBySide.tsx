import { Fragment, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlapPassage } from '@mandate/shared';
import { highlight } from './highlight.ts';

type Side = 'a' | 'b';

/** One text with its shared passages marked and numbered; a click on a passage selects it on both sides. */
function MarkedText({ side, label, text, passages, current, onSelect, paneRef }: {
  side: Side;
  label: string;
  text: string;
  passages: OverlapPassage[];
  current: number;
  onSelect: (n: number) => void;
  paneRef: (el: HTMLDivElement | null) => void;
}) {
  const { t } = useTranslation();
  const pieces = useMemo(() => highlight(text, passages.map((p) => p[side])), [text, passages, side]);
  return (
    <div className="side-pane" ref={paneRef} tabIndex={0} role="region" aria-label={t('overlaps.sideLabel', { label })}>
      <h2 className="side-title">{label}</h2>
      <div className="side-text">
        {pieces.map((piece) => (
          <Fragment key={piece.start}>
            {piece.starts.map((n) => (
              <span key={n} className="passage-no" id={`${side}-p${n}`} data-current={n === current || undefined} aria-label={t('overlaps.passage', { n })}>
                {n}
              </span>
            ))}
            {piece.passages.length === 0 ? (
              piece.text
            ) : (
              <mark data-current={piece.passages.includes(current) || undefined} title={piece.passages.map((n) => t('overlaps.passage', { n })).join(', ')} onClick={() => onSelect(piece.passages[0]!)}>
                {piece.text}
              </mark>
            )}
          </Fragment>
        ))}
      </div>
    </div>
  );
}

/**
 * The two texts side by side, each in its own scrolling pane. Passage n is
 * numbered n on both sides; choosing one (buttons, keys, a click on either
 * side) scrolls both panes to it.
 */
export function SideBySide({ labels, texts, passages, current, onCurrent }: {
  labels: [string, string];
  texts: [string, string];
  passages: OverlapPassage[];
  current: number;
  onCurrent: (n: number) => void;
}) {
  const panes = useRef<Record<Side, HTMLDivElement | null>>({ a: null, b: null });
  const reveal = useCallback((n: number) => {
    for (const side of ['a', 'b'] as const) {
      const pane = panes.current[side];
      const anchor = pane?.querySelector<HTMLElement>(`#${side}-p${n}`);
      // Scroll the pane only (not the page): the anchor a third of the way down.
      if (pane && anchor) pane.scrollTo({ top: anchor.offsetTop - pane.offsetTop - pane.clientHeight / 3, behavior: 'smooth' });
    }
  }, []);
  useEffect(() => {
    if (current > 0) reveal(current);
  }, [current, reveal]);
  return (
    <div className="side-by-side">
      {(['a', 'b'] as const).map((side, i) => (
        <MarkedText
          key={side}
          side={side}
          label={labels[i]!}
          text={texts[i]!}
          passages={passages}
          current={current}
          onSelect={onCurrent}
          paneRef={(el) => {
            panes.current[side] = el;
          }}
        />
      ))}
    </div>
  );
}
