import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem, badRequest } from './problem.ts';

/**
 * Optimistic concurrency over HTTP. Every mutable entity carries a version;
 * reads send it as the ETag, writes must send it back in If-Match. The
 * services compare-and-set on it, so the check holds under real concurrency.
 */

/** The version number is the whole identity of a state, so it is the validator. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the ETag from the body's version and returns the body unchanged. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  reply.header('etag', etagOf(body.version));
  return body;
}

/**
 * The version a write is based on, from If-Match ("3"; W/"3" too, because
 * compressing proxies weaken ETags). Absent → 428. "*" is refused as well:
 * it means "overwrite whatever is there", the very thing this prevents, and
 * the scripts most tempted to send it are the ones most likely to clobber.
 */
export function requiredVersion(req: FastifyRequest, what: string): number {
  const h = req.headers['if-match'];
  if (h === undefined || h.trim() === '' || h.trim() === '*') {
    throw new HttpProblem(
      428,
      'Precondition required',
      `Send If-Match with the ETag of the ${what} you are changing (read it first; e.g. If-Match: "3"), so a change made meanwhile by someone else is not overwritten.`,
      [{ location: 'header.if-match', message: 'required' }],
    );
  }
  const m = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(h);
  if (!m) throw badRequest('If-Match must be one ETag from a previous response, e.g. "3".', [{ location: 'header.if-match', message: 'malformed' }]);
  return Number(m[1]);
}

/** Who made the change that the caller did not see, for the conflict message. */
export interface LastChange {
  actor: string;
  at: string;
}

/**
 * 412 with the current state (`current`), and who changed it last, so the
 * web app can show "X changed this while you were editing" and let the user merge.
 */
export function staleWrite(what: string, sentVersion: number, current: { version: number }, lastChange?: LastChange): HttpProblem {
  const by = lastChange ? ` by ${lastChange.actor} at ${lastChange.at}` : '';
  return new HttpProblem(
    412,
    'Precondition failed',
    `${what} was changed${by} since you read it (it is at version ${current.version}; you sent ${sentVersion}). Review the current state and apply your change again.`,
    undefined,
    { current, ...(lastChange ? { lastChange } : {}) },
  );
}
