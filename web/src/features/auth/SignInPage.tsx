import { useState, type FormEvent } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@mandate/shared';
import { api } from '../../api.ts';
import { ErrorBanner } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe, useResetAfterAuth } from './session.ts';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signIn'));
  const navigate = useNavigate();
  const reset = useResetAfterAuth();
  const me = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const sso = new URLSearchParams(window.location.search);
  const signIn = useMutation({
    mutationFn: () => api<{ user: User; csrfToken: string }>('/api/auth/login', { method: 'POST', body: { email, password } }),
    onSuccess: async () => {
      await reset();
      void navigate({ to: '/' });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };

  return (
    <div className="stack sign-in">
      <div className="page-header">
        <div>
          <h1>{t('auth.signInTitle')}</h1>
          <p className="subtitle">{t('auth.signInIntro')}</p>
        </div>
      </div>
      {sso.get('sso') === 'failed' && (
        <div className="banner banner-error" role="alert">
          <div className="banner-body">
            <strong>{t('auth.ssoFailed')}</strong>
            {sso.get('reason') && <div>{sso.get('reason')}</div>}
          </div>
        </div>
      )}
      <ErrorBanner error={signIn.error} />
      <form className="panel" onSubmit={submit} aria-label={t('auth.signIn')}>
        <div className="panel-body form-grid">
          <Field label={t('auth.email')} wide>
            {(p) => <input {...p} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={t('auth.password')} wide>
            {(p) => <input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
          </Field>
          <div className="form-actions span-all">
            <button type="submit" className="btn btn-primary" disabled={signIn.isPending}>
              {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
            </button>
            {me.data?.sso && (
              <>
                <span className="muted">{t('auth.or')}</span>
                {/* A full page load: the provider's pages are not ours. */}
                <a className="btn" href="/api/auth/oidc/login">
                  {t('auth.sso')}
                </a>
              </>
            )}
          </div>
        </div>
      </form>
    </div>
  );
}
