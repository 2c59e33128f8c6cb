import type { Problem } from '@mandate/shared';

/** Every non-2xx answer becomes one of these, carrying the RFC 9457 problem the server sent. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ProblemError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

export const isProblem = (e: unknown, status?: number): e is ProblemError =>
  e instanceof ProblemError && (status === undefined || e.status === status);

type Query = Record<string, string | number | boolean | undefined | null>;

/** Builds `path?query`, leaving out empty values so URLs stay short and shareable. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Turns any error body (problem+json, other JSON, HTML from a proxy) into a Problem. */
async function toProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
  };
  const text = await res.text().catch(() => '');
  if (!text) return fallback;
  try {
    const body = JSON.parse(text) as Partial<Problem> & { message?: string };
    return {
      ...fallback,
      ...body,
      title: body.title ?? body.message ?? fallback.title,
      status: typeof body.status === 'number' ? body.status : res.status,
    };
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}

const MUTATIONS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The session's CSRF token, which the server sets in a cookie scripts may read
 * (the session cookie itself is HttpOnly). Sent back as X-CSRF-Token on every
 * change: another site can make the browser send our cookies, but cannot read
 * this one to send it along.
 */
export function csrfToken(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const m = /(?:^|;\s*)mandate_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

function csrfHeader(method: string): Record<string, string> {
  const token = MUTATIONS.has(method) ? csrfToken() : undefined;
  return token ? { 'X-CSRF-Token': token } : {};
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** Sent as JSON unless it is FormData. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeader(method), ...options.headers };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, query), { method, headers, body: payload, signal, credentials: 'same-origin' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ProblemError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  if (!res.ok) throw new ProblemError(await toProblem(res));
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** The strong validator the server compares in If-Match (its ETag is the quoted version). */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/**
 * Multipart upload through XMLHttpRequest, because fetch cannot report upload progress.
 * Errors are turned into the same ProblemError as `api`.
 */
export function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(csrfHeader('POST'))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ProblemError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'Upload failed.' }));
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      if (!res.ok) {
        void toProblem(res).then((p) => reject(new ProblemError(p)));
        return;
      }
      try {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
      } catch {
        resolve(xhr.responseText as T);
      }
    };
    xhr.send(form);
  });
}
