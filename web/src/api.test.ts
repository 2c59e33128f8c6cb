import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, apiUrl, ifMatch, isProblem, ProblemError } from './api.ts';

const respond = (body: string, init: ResponseInit) => vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, init));

afterEach(() => vi.restoreAllMocks());

describe('api()', () => {
  it('turns a problem+json answer into a ProblemError with title, detail and errors', async () => {
    respond(JSON.stringify({ type: 'about:blank', title: 'Bad request', status: 400, detail: '2 invalid rows', errors: [{ location: 'row 4', message: 'unknown status' }] }), {
      status: 400,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const err = await api('/api/actions/import').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect(isProblem(err, 400)).toBe(true);
    expect((err as ProblemError).problem).toMatchObject({ title: 'Bad request', detail: '2 invalid rows', errors: [{ location: 'row 4' }] });
  });

  it('copes with a non-JSON error page (e.g. from a proxy)', async () => {
    respond('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    const err = (await api('/api/dashboard').catch((e: unknown) => e)) as ProblemError;
    expect(err.status).toBe(502);
    expect(err.problem.title).toBe('Bad Gateway');
  });

  it('reports an unreachable server as a status-0 problem', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    const err = (await api('/api/dashboard').catch((e: unknown) => e)) as ProblemError;
    expect(err.status).toBe(0);
    expect(err.problem.title).toBe('Network error');
  });

  it('sends JSON bodies and the If-Match validator', async () => {
    const fetch = respond('{"id":1}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    await expect(api('/api/actions/1', { method: 'PATCH', body: { status: 'completed' }, headers: ifMatch(7) })).resolves.toEqual({ id: 1 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/actions/1');
    expect(init).toMatchObject({ method: 'PATCH', body: '{"status":"completed"}', headers: { 'If-Match': '"7"', 'Content-Type': 'application/json' } });
  });
});

describe('apiUrl()', () => {
  it('leaves out empty and false values', () => {
    expect(apiUrl('/api/actions', { q: '', status: 'a,b', overdue: false, stale: true, documentId: undefined, limit: 50 })).toBe(
      '/api/actions?status=a%2Cb&stale=true&limit=50',
    );
  });
});
