import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { createContext } from '../server/src/http/context.ts';
import { buildApp } from '../server/src/app.ts';
import { seedActions } from './seed-actions.ts';
import { findActions } from '../server/src/modules/actions/actions.service.ts';
import { actionQuery } from '../shared/src/actions.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-prof-'));
const db = await openDatabase({ url: path.join(dir, 'p.sqlite') });
await seedActions(db.kysely, 100000);
const ctx = createContext(db, () => new Date('2026-06-15T12:00:00Z'));
const app = await buildApp(ctx);
const urls = ['/api/actions?limit=50', '/api/actions?status=in_progress,on_hold&limit=50&sort=dueDate', '/api/actions?responsible=SG17&limit=50', '/api/actions?overdue=true&limit=50', '/api/actions?q=ipv6%20guidelines&limit=50', '/api/actions?q=workshop&status=in_progress&tag=climate&limit=50'];
for (const u of urls) {
  const q = actionQuery.parse(Object.fromEntries(new URL('http://x' + u).searchParams));
  let t = performance.now();
  for (let i = 0; i < 50; i++) await findActions(ctx, q);
  const svc = (performance.now() - t) / 50;
  t = performance.now();
  for (let i = 0; i < 50; i++) await app.inject({ url: u });
  const http = (performance.now() - t) / 50;
  console.log(u.padEnd(70), 'service', svc.toFixed(2), 'ms  http', http.toFixed(2), 'ms');
}
await db.close();
