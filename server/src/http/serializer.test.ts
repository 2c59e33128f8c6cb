import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './serializer.ts';

const serializerFor = (schema: z.ZodType) => responseSerializer({ schema, method: 'GET', url: '/x', httpStatus: '200' }) as (data: unknown) => string;

describe('response serializer', () => {
  it('writes declared properties only, as zod would', () => {
    const schema = z.object({ id: z.number().int(), name: z.string(), tags: z.array(z.string()), due: z.string().nullable(), note: z.string().optional() });
    const out = serializerFor(schema)({ id: 7, name: 'A "quoted" name', tags: ['x'], due: null, passwordHash: 'secret', extra: { a: 1 } });
    expect(JSON.parse(out)).toEqual({ id: 7, name: 'A "quoted" name', tags: ['x'], due: null });
    expect(out).not.toContain('secret');
  });

  it('strips undeclared properties inside arrays of objects and unions', () => {
    const schema = z.object({
      items: z.array(z.object({ id: z.number(), kind: z.enum(['a', 'b']) })),
      who: z.union([z.object({ type: z.literal('user'), id: z.number() }), z.object({ type: z.literal('system') })]),
    });
    const out = serializerFor(schema)({ items: [{ id: 1, kind: 'a', hidden: true }], who: { type: 'user', id: 3, token: 'mdt_x' } });
    expect(JSON.parse(out)).toEqual({ items: [{ id: 1, kind: 'a' }], who: { type: 'user', id: 3 } });
  });

  it('gives zod the shapes fast-json-stringify refuses, with the same output as before', () => {
    const schema = z.object({ before: z.unknown(), diff: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])) });
    const data = { before: { a: [1, 'two'] }, diff: { status: ['open', 3] }, stray: 1 };
    expect(JSON.parse(serializerFor(schema)(data))).toEqual({ before: { a: [1, 'two'] }, diff: { status: ['open', 3] } });
  });

  it('keeps zod for schemas JSON Schema cannot express', () => {
    const schema = z.object({ at: z.date().transform((d) => d.toISOString()) });
    expect(JSON.parse(serializerFor(schema)({ at: new Date('2026-01-02T03:04:05Z') }))).toEqual({ at: '2026-01-02T03:04:05.000Z' });
  });
});
