import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useMe, useResetAfterAuth } from './session.ts';
import './auth.css';

/** The top bar's account corner: "Sign in" for the public, else who you are and how to leave. */
export function UserMenu() {
  const { t } = useTranslation();
  const { data } = useMe();
  const navigate = useNavigate();
  const reset = useResetAfterAuth();
  const [note, setNote] = useState<string>();
  if (!data) return null;
  if (!data.user) {
    return (
      <div className="user-menu">
        <span className="muted">{t('auth.publicView')}</span>{' '}
        <Link to="/sign-in" className="btn btn-sm">
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  const leave = async (everywhere: boolean) => {
    const res = await api<{ sessionsEnded: number } | undefined>(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST' });
    if (res) setNote(t('auth.signedOutEverywhere', { count: res.sessionsEnded }));
    await reset();
    void navigate({ to: '/' });
  };
  const { user } = data;
  return (
    <details className="user-menu">
      <summary aria-label={t('auth.menuLabel', { email: user.email })}>
        {user.name || user.email} <span className="muted">· {t(`auth.role.${user.role}`)}</span>
      </summary>
      <ul>
        <li className="muted">{user.email}</li>
        <li>
          <Link to="/tokens">{t('auth.tokens.title')}</Link>
        </li>
        <li>
          <button type="button" className="btn-link" onClick={() => void leave(false)}>
            {t('auth.signOut')}
          </button>
        </li>
        <li>
          <button type="button" className="btn-link" onClick={() => void leave(true)}>
            {t('auth.signOutEverywhere')}
          </button>
        </li>
        {note && <li role="status">{note}</li>}
      </ul>
    </details>
  );
}
