import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * Hostile input for the property tests: strings that break naive code
 * (NUL, lone surrogates, bidi controls, huge combining runs, SQL and HTML),
 * numbers at the edges of every integer type, and JSON shaped almost like
 * what a route expects (so the input gets past validation and reaches the
 * services and the database, where the interesting failures are).
 */

/** Hand-picked strings that have broken real systems; mixed with random ones below. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udbff\udfff',
  '\u202eevil\u202c',
  '\u200f\u200e\u061c',
  `e${'\u0301'.repeat(5000)}`,
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇳',
  '\ufeff\u200b\u2060',
  '\uffff\ufffe',
  'x'.repeat(100_000),
  // Long and incompressible: PostgreSQL refuses index entries above ~2.7 KB after compression.
  randomBytes(6000).toString('base64'),
  "' OR '1'='1",
  "'; DROP TABLE actions; --",
  '" OR ""="',
  '1) UNION SELECT * FROM users --',
  '%',
  '_',
  '\\',
  '*',
  'NEAR(a b)',
  'a:* & !b | (c',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9007199254740993',
  '99999999999999999999999',
  '-1',
  '0',
  '0x10',
  '1.5',
  ' 7 ',
  '2026-02-30',
  '0000-00-00',
  'true',
  '[]',
  '{}',
  '=HYPERLINK("http://evil.example")',
];

/** Any string: hand-picked, arbitrary UTF-16 (lone surrogates included), or graphemes (emoji, combining). */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** Numbers at the edges: negative, zero, just past int32 and the safe integers, non-integers. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1e20, -1e20, 0.5, -0.0, 1e-300, Number.MAX_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, hostile leaves included. */
export const nastyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: number;
  required?: string[];
  maximum?: number;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

/**
 * A value shaped by the schema. Strict: valid in every respect except that
 * strings are hostile, so the request reaches the service and the database.
 * Loose: right types, values at and past the bounds, some fields wrong-typed.
 */
function shaped(s: JsonSchema, strict: boolean, depth = 0): fc.Arbitrary<unknown> {
  const variants = s.anyOf ?? s.oneOf;
  if (variants) return fc.oneof(...variants.map((v) => shaped(v, strict, depth)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return fc.constantFrom('2026-01-01', '2024-02-29', '1900-01-01', ...(strict ? [] : ['2026-02-30', '2026-13-45', '9999-99-99', '0000-00-00']));
      if (s.format === 'uri') return fc.constantFrom('https://example.org/x', 'mailto:a@b.example', ...(strict ? [] : ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://[::1]:0/', 'file:///etc/passwd']));
      if (s.format === 'email' || s.pattern?.includes('@')) return nastyString.map((v) => `${v.replace(/[\s@]/g, '') || 'x'}@${v.replace(/[\s@]/g, '') || 'y'}.example`.slice(0, s.maxLength ?? 320));
      return nastyString.map((v) => v.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? Infinity));
    case 'integer':
    case 'number': {
      const min = Math.max(s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -(2 ** 31)), -(2 ** 31));
      const max = Math.min(s.maximum ?? 2 ** 31, 2 ** 31);
      // Wide ranges are ids: strict ones are small, so they name rows that exist.
      if (strict) return fc.integer({ min, max: max - min > 1000 ? min + 5 : max });
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: nastyNumber });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(s.items ? shaped(s.items, strict, depth + 1) : nastyJson, { maxLength: strict ? 3 : 5 });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFrom(s, strict, depth + 1);
    default:
      return nastyJson;
  }
}

/** An object with the schema's fields (required ones mostly present) and perhaps extra ones. */
function objectFrom(s: JsonSchema, strict: boolean, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(s.properties ?? {});
  const field = (p: JsonSchema) => (strict ? shaped(p, true, depth) : fc.oneof({ weight: 9, arbitrary: shaped(p, false, depth) }, { weight: 1, arbitrary: nastyJson }));
  const fields = Object.fromEntries(props.map(([k, p]) => [k, field(p)]));
  const required = (s.required ?? []).filter((k) => k in fields);
  const known = strict ? fc.record(fields, { requiredKeys: required }) : fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: required }) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) });
  // Unknown fields must be ignored (or refused), never acted on: "role", "id", "version" are the tempting ones.
  const extra = fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'role', 'id', 'version')), nastyJson, { maxKeys: 2 });
  return fc.tuple(known, fc.option(extra, { freq: strict ? 8 : 3 })).map(([k, e]) => (e ? { ...e, ...k } : k));
}

/** A JSON body for a route: valid but hostile, almost valid, or anything at all. */
export function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return nastyJson;
  return fc.oneof({ weight: 3, arbitrary: shaped(schema, true) }, { weight: 2, arbitrary: shaped(schema, false) }, { weight: 1, arbitrary: nastyJson });
}

/** Raw request bodies that are not (valid) JSON, with the content types that pretend otherwise. */
export const malformedBody = fc.record({
  payload: fc.oneof(
    fc.constantFrom('{"title": ', '{"title": "x",}', "{'title': 1}", '[1,2', 'nul', '\u0000', '{"a":1}{"b":2}', '{"__proto__": {"admin": true}}', '{"constructor": {"prototype": {"x": 1}}}', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, '"\\ud800"', '{"title":"\\u0000"}'),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  ),
  contentType: fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', ''),
});

export interface QueryParam {
  name: string;
  schema: JsonSchema;
}

/** A query string: declared parameters with plausible or absurd values (repeated = arrays), plus unknown ones. */
export function queryFor(params: QueryParam[]): fc.Arbitrary<string> {
  const absurd = fc.oneof(nastyString, nastyNumber.map(String), fc.constantFrom('-1', '1e400', '99999999999999999999', '0', '', '[object Object]'));
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const value = (p: QueryParam) => fc.oneof({ weight: 4, arbitrary: shaped(p.schema, true).map(text) }, { weight: 1, arbitrary: shaped(p.schema, false).map(text) }, { weight: 1, arbitrary: absurd });
  // Mostly one value; sometimes the parameter repeated, which a query parser turns into an array.
  type Pair = [string, string];
  const one = (p: QueryParam): fc.Arbitrary<Pair[]> =>
    fc.array(value(p), { minLength: 1, maxLength: 3 }).chain((vs) => fc.constantFrom(vs.slice(0, 1), vs, vs.slice(0, 1), vs.slice(0, 1))).map((vs) => vs.map((v): Pair => [p.name, v]));
  const none = fc.constant<Pair[]>([]);
  const declared = params.length > 0 ? fc.subarray(params).chain((ps) => (ps.length ? fc.tuple(...ps.map(one)).map((xs) => (xs as Pair[][]).flat()) : none)) : none;
  const unknown = fc.array(fc.tuple(fc.oneof(nastyString, fc.constantFrom('limit[]', 'offset[$gt]', '__proto__', 'a.b', 'status[]')), absurd), { maxLength: 2 });
  return fc.tuple(declared, unknown).map(([a, b]) => {
    const pairs = [...a, ...b].map(([k, v]) => `${encodeQuery(k)}=${encodeQuery(v)}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * encodeURIComponent throws on a lone surrogate; a hostile client sends its
 * bytes anyway (WTF-8: percent-encoded, not valid UTF-8), and so do we.
 */
function encodeQuery(s: string): string {
  const wtf8 = (c: number) => [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
  let out = '';
  let last = 0;
  for (const m of s.matchAll(LONE_SURROGATE)) {
    out += encodeURIComponent(s.slice(last, m.index)) + wtf8(m[0].charCodeAt(0));
    last = m.index + 1;
  }
  return out + encodeURIComponent(s.slice(last));
}

/** Ids for a path: existing ones, missing ones, and things that are no id at all. */
export function pathIdFor(existing: number[]): fc.Arbitrary<string> {
  const bad = fc.constantFrom('0', '-1', '2147483647', '2147483648', '4294967296', '9007199254740993', '1e20', '99999999999999999999999999', '1.5', 'abc', '%00', '%2e%2e', '%F0%9F%92%A9', 'NaN', '0x1', ' 1', '1;DROP TABLE actions', "1'--", '%E2%80%AE1');
  return existing.length ? fc.oneof(fc.constantFrom(...existing.map(String)), bad) : bad;
}

/** Resolves within `ms` or fails the property: a hang is as much a failure as a crash. */
export async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What must never reach a client: stack frames, source paths, module folders, raw driver errors. */
const INTERNALS = [/\bat [\w.<>$]+ \(/, /\bat (?:async )?(?:file:\/\/)?\/[\w./-]+:\d+/, /\.[cm]?[tj]sx?:\d+/, /node_modules/, /\/work\/|\/home\/|\/tmp\//, /^\s*at /m, /\b(?:TypeError|ReferenceError|RangeError|SyntaxError):/, /SQLITE_|sqlite3?_|violates|relation "|syntax error at/i];

export function leakedInternals(body: string): string | null {
  for (const re of INTERNALS) {
    const m = re.exec(body);
    if (m) return m[0];
  }
  return null;
}

/**
 * The invariant every request must hold: a success, or a 4xx problem+json
 * document (status matching the body) that reveals nothing of the server.
 */
export function expectWellFormed(res: LightMyRequestResponse, what: string): void {
  const ctx = `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, ctx).toBeLessThan(500);
  expect(leakedInternals(res.body), ctx).toBeNull();
  if (res.statusCode >= 400) {
    expect(String(res.headers['content-type']), ctx).toMatch(/^application\/problem\+json/);
    const p = res.json() as { status: number; title: string };
    expect(p.status, ctx).toBe(res.statusCode);
    expect(typeof p.title, ctx).toBe('string');
  }
}

/** Runs per property: enough to find the classic failures, few enough to keep the suite fast. FUZZ_RUNS=1000 searches deeper. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 50);
/** A test timeout that grows with FUZZ_RUNS (the default 30 s would cut a deep search short). */
export const FUZZ_TIMEOUT = 30_000 + FUZZ_RUNS * 600;
