import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '@mandate/shared';
import { upload } from '../../api.ts';
import { invalidatePlan } from '../../queryClient.ts';
import { ErrorBanner, Notice } from '../../ui/Feedback.tsx';
import { PlanImportSummary, uploadPlan, type PlanImportResult } from '../actions/PlanImport.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';

/** Action plans go to the plan importer; everything else is a document for the library. */
const isPlan = (f: File) => /\.(csv|xlsx)$/i.test(f.name);

interface Outcome {
  summary?: ImportSummary;
  plans: { file: string; result?: PlanImportResult; error?: unknown }[];
  error?: unknown;
}

export function ImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('import.title'));
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [inputKey, setInputKey] = useState(0); // remounts the file input to clear it
  const [dragging, setDragging] = useState(false);
  const docs = files.filter((f) => !isPlan(f));
  const plans = files.filter(isPlan);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!files.length || busy) return;
    setBusy(true);
    setProgress(0);
    setOutcome(null);
    const result: Outcome = { plans: [] };
    const steps = (docs.length ? 1 : 0) + plans.length;
    let done = 0;
    const track = (f: number) => setProgress((done + f) / steps);
    try {
      if (docs.length) {
        const form = new FormData();
        for (const f of docs) form.append('files', f, f.name);
        result.summary = await upload<ImportSummary>('/api/imports', form, track);
        done++;
      }
      for (const f of plans) {
        try {
          result.plans.push({ file: f.name, result: await uploadPlan(f, track) });
        } catch (error) {
          result.plans.push({ file: f.name, error });
        }
        done++;
      }
    } catch (error) {
      result.error = error;
    } finally {
      setBusy(false);
      setOutcome(result);
      setFiles([]);
      setInputKey((k) => k + 1);
      void invalidatePlan(qc);
    }
  };

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('import.title')}</h1>
          <p className="subtitle">{t('import.subtitle')}</p>
        </div>
      </div>
      <form className="panel panel-body import-form" onSubmit={submit}>
        <div
          className="dropzone"
          data-dragging={dragging || undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (!busy) setFiles(Array.from(e.dataTransfer.files));
          }}
        >
          <label htmlFor="import-files" className="dropzone-title">
            {t('import.chooseFiles')}
          </label>
          <span id="import-files-hint" className="muted">
            {t('import.accepted')}
          </span>
          <input
            key={inputKey}
            id="import-files"
            type="file"
            multiple
            accept=".xml,.akn,.txt,.docx,.pdf,.csv,.xlsx"
            aria-describedby="import-files-hint"
            disabled={busy}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </div>
        {files.length > 0 && (
          <p>
            {t('import.selected', { count: files.length })}
            {docs.length > 0 && ` · ${t('import.documentsCount', { count: docs.length })}`}
            {plans.length > 0 && ` · ${t('import.plansCount', { count: plans.length })}`}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" className="btn btn-primary" disabled={!files.length || busy}>
            {busy ? t('import.uploading') : t('import.submit')}
          </button>
          {busy && (
            <progress max={1} value={progress >= 1 ? undefined : progress} aria-label={t('import.progress')} className="upload-progress" />
          )}
          {busy && progress >= 1 && <span className="muted">{t('import.processing')}</span>}
        </div>
        <p className="muted cli-note">
          {t('import.cliNote')} <code>npx mandate import FILE… --json</code>
        </p>
      </form>

      {outcome && (
        <div className="stack" aria-live="polite">
          <ErrorBanner error={outcome.error} />
          {outcome.summary && (
            <div className="panel panel-body">
              <h2 className="panel-title">{t('import.resultTitle')}</h2>
              <ImportSummaryView summary={outcome.summary} />
              {outcome.summary.documents > 0 && (
                <p className="next-steps">
                  <Link to="/documents">{t('import.openLibrary')}</Link>
                  {outcome.summary.suggestedActions > 0 && (
                    <>
                      {' · '}
                      <Link to="/suggestions">{t('import.reviewSuggestions', { count: outcome.summary.suggestedActions })}</Link>
                    </>
                  )}
                </p>
              )}
            </div>
          )}
          {outcome.plans.map((p) =>
            p.error || !p.result ? (
              <div key={p.file}>
                <h2 className="panel-title">{p.file}</h2>
                <ErrorBanner error={p.error} />
              </div>
            ) : (
              <Notice key={p.file} tone="success">
                <span className="muted">{p.file}: </span>
                <PlanImportSummary result={p.result} />
              </Notice>
            ),
          )}
        </div>
      )}
    </div>
  );
}
