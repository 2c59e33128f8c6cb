import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import type { TestDb } from './test-db.ts';

/** The whole HTTP stack (validation, services, database) on a test database, without the web app. */
export async function testApp(t: TestDb): Promise<FastifyInstance> {
  const app = await buildApp(t.ctx, { webDist: '/nonexistent' });
  await app.ready();
  return app;
}

/** A multipart/form-data body with files in one field, for app.inject. */
export function multipart(field: string, files: { name: string; content: string | Buffer }[]) {
  const boundary = `----mandate${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    // Escaped as browsers do (HTML's multipart/form-data encoding), so any name arrives as one part.
    const name = f.name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
