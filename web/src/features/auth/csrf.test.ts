import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('CSRF token on changes', () => {
  it('echoes the mandate_csrf cookie as X-CSRF-Token on POST/PATCH/DELETE, never on GET, and sends cookies', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; mandate_csrf=tok%2Fen-123; x=y' });
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    await api('/api/actions', { method: 'POST', body: { title: 'x' } });
    await api('/api/tokens/1', { method: 'DELETE' });
    await api('/api/actions');
    const [post, del, get] = fetch.mock.calls.map((c) => c[1] as RequestInit & { headers: Record<string, string> });
    expect(post!.headers['X-CSRF-Token']).toBe('tok/en-123');
    expect(del!.headers['X-CSRF-Token']).toBe('tok/en-123');
    expect(get!.headers['X-CSRF-Token']).toBeUndefined();
    expect(post!.credentials).toBe('same-origin');
  });

  it('sends no header when signed out (no cookie)', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response(null, { status: 204 }));
    await api('/api/auth/login', { method: 'POST', body: {} });
    expect((fetch.mock.calls[0]![1] as { headers: Record<string, string> }).headers['X-CSRF-Token']).toBeUndefined();
  });
});
