import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export interface ProblemLocation {
  location: string;
  message: string;
}

/**
 * An error meant for the client. Services throw these; the error handler turns
 * them into RFC 9457 problem documents. Anything else becomes a bare 500.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemLocation[],
    /** Extra members merged into the problem body (e.g. the current state on a 412). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const notFound = (what: string, id: number | string) =>
  new HttpProblem(404, 'Not found', `${what} ${id} does not exist`);

export const badRequest = (detail: string, errors?: ProblemLocation[]) =>
  new HttpProblem(400, 'Bad request', detail, errors);

const PROBLEM_TYPE = 'about:blank';

export function sendProblem(reply: FastifyReply, p: HttpProblem) {
  return reply
    .code(p.status)
    .type('application/problem+json')
    .send({
      type: PROBLEM_TYPE,
      title: p.title,
      status: p.status,
      ...(p.detail ? { detail: p.detail } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
      instance: reply.request.url.split('?')[0],
      ...p.extra,
    });
}

/** Every failure leaves as application/problem+json; stack traces and internals never do. */
export function installProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpProblem) return sendProblem(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        location: `${err.validationContext ?? 'request'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(reply, badRequest('The request does not match the expected shape.', errors));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err }, 'response did not match its schema');
      return sendProblem(reply, new HttpProblem(500, 'Internal server error'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type…): keep its message, it is safe.
      return sendProblem(reply, new HttpProblem(status, titleFor(status), err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, new HttpProblem(500, 'Internal server error', 'Something went wrong; the error was logged.'));
  });
}

export function routeNotFound(method: string, url: string) {
  return new HttpProblem(404, 'Not found', `No route for ${method} ${url.split('?')[0]}`);
}

function titleFor(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad request',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    413: 'Payload too large',
    415: 'Unsupported media type',
    429: 'Too many requests',
  };
  return titles[status] ?? 'Request error';
}
