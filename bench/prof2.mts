import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { openDatabase } from '../server/src/db/database.ts';
import { createContext } from '../server/src/http/context.ts';
import { buildApp } from '../server/src/app.ts';
import { seedActions } from './seed-actions.ts';
const db = await openDatabase({ url: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-')), 'p.sqlite') });
await seedActions(db.kysely, 100000);
const app = await buildApp(createContext(db, () => new Date('2026-06-15T12:00:00Z')));
for (let i = 0; i < 300; i++) await app.inject({ url: '/api/actions?limit=50' });
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 1000; i++) await app.inject({ url: '/api/actions?limit=50' });
console.log('per request ms', ((performance.now() - t) / 1000).toFixed(3));
const { profile } = await s.post('Profiler.stop');
// self time by function
const self = new Map<string, number>(); const total = profile.samples!.length;
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const counts = new Map<number, number>(); for (const id of profile.samples!) counts.set(id, (counts.get(id) ?? 0) + 1);
for (const [id, c] of counts) { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + c); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
// time each SQL statement
const raw = (await import('better-sqlite3')).default;
const { Kysely } = await import('kysely');
const logged: string[] = [];
const db2 = new Kysely<any>({ dialect: new (await import('kysely')).SqliteDialect({ database: new raw((db as any).location) }), log: (e) => { if (e.level === 'query') logged.push(`${e.queryDurationMillis.toFixed(3)}ms ${e.query.sql.slice(0, 150)}`); } });
const ctx2 = createContext({ ...db, kysely: db2 } as any, () => new Date('2026-06-15T12:00:00Z'));
const { findActions } = await import('../server/src/modules/actions/actions.service.ts');
for (let i = 0; i < 3; i++) await findActions(ctx2, { limit: 50, offset: 0, sort: 'ref', order: 'asc' } as any);
console.log(logged.slice(-5).join('\n'));
