import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedToken, TokenScope } from '@mandate/shared';
import { api } from '../../api.ts';
import { ErrorBanner } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useCan } from './session.ts';

const tokensKey = ['tokens'] as const;
// A value list of its own: importing values from @mandate/shared would bundle zod into the page.
const TOKEN_SCOPES: TokenScope[] = ['read', 'write', 'admin'];
interface Page<T> {
  items: T[];
  total: number;
}

/** Your API tokens: create one (its secret shown once), see when each was last used, revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.tokens.title'));
  const qc = useQueryClient();
  const can = useCan();
  const list = useQuery({ queryKey: tokensKey, queryFn: ({ signal }) => api<Page<ApiToken>>('/api/tokens', { signal }), enabled: can.signedIn });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiresAt, setExpiresAt] = useState('');
  const create = useMutation({
    mutationFn: () => api<CreatedToken>('/api/tokens', { method: 'POST', body: { name, scopes, expiresAt: expiresAt || null } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api<ApiToken>(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
  // Scopes beyond the role would be refused by the server; do not offer them.
  const offered = TOKEN_SCOPES.filter((s) => s === 'read' || (s === 'write' && can.contribute) || (s === 'admin' && can.admin));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1>{t('auth.tokens.title')}</h1>
          <p className="subtitle">{t('auth.tokens.intro')}</p>
        </div>
      </div>
      <ErrorBanner error={create.error ?? revoke.error ?? list.error} />
      {create.data && (
        <div className="banner banner-success" role="status">
          <div className="banner-body">
            <strong>{t('auth.tokens.created')}</strong>
            <code className="token-secret">{create.data.token}</code>
          </div>
        </div>
      )}
      <form className="panel" onSubmit={submit} aria-label={t('auth.tokens.create')}>
        <div className="panel-body form-grid">
          <Field label={t('auth.tokens.name')}>{(p) => <input {...p} type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />}</Field>
          <Field label={t('auth.tokens.expires')}>{(p) => <input {...p} type="date" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />}</Field>
          <fieldset className="span-all">
            <legend>{t('auth.tokens.scopes')}</legend>
            {offered.map((s) => (
              <label key={s} className="checkbox">
                <input type="checkbox" checked={scopes.includes(s)} onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))} />{' '}
                {t(`auth.tokens.scope.${s}`)}
              </label>
            ))}
          </fieldset>
          <div className="form-actions span-all">
            <button type="submit" className="btn btn-primary" disabled={create.isPending || scopes.length === 0}>
              {t('auth.tokens.create')}
            </button>
          </div>
        </div>
      </form>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('auth.tokens.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap no-max">
          <table>
            <thead>
              <tr>
                <th>{t('auth.tokens.prefix')}</th>
                <th>{t('auth.tokens.name')}</th>
                <th>{t('auth.tokens.scopes')}</th>
                <th>{t('auth.tokens.expiresAt')}</th>
                <th>{t('auth.tokens.lastUsed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((tok) => (
                <tr key={tok.id}>
                  <td>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td>{tok.name}</td>
                  <td>{tok.scopes.join(', ')}</td>
                  <td>{tok.revokedAt ? t('auth.tokens.revoked') : (tok.expiresAt?.slice(0, 10) ?? t('auth.tokens.never'))}</td>
                  <td>{tok.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? t('auth.tokens.never')}</td>
                  <td>
                    {!tok.revokedAt && (
                      <button type="button" className="btn btn-sm" aria-label={t('auth.tokens.revokeNamed', { prefix: tok.prefix })} onClick={() => revoke.mutate(tok.id)}>
                        {t('auth.tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
