import type { FastifyRequest } from 'fastify';
import { badRequest } from './problem.ts';

export interface Upload {
  name: string;
  content: Uint8Array;
  /** True when the file was cut at the size limit: it must be refused, not imported. */
  truncated: boolean;
}

/** Reads every file part of a multipart request into memory, stopping each at `maxBytes`. */
export async function readUploads(req: FastifyRequest, maxBytes: number): Promise<Upload[]> {
  if (!req.isMultipart()) throw badRequest('Send the files as multipart/form-data.');
  const out: Upload[] = [];
  for await (const part of req.files({ limits: { fileSize: maxBytes, files: 200 } })) {
    const chunks: Buffer[] = [];
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
    out.push({ name: part.filename || 'upload', content: Buffer.concat(chunks), truncated: part.file.truncated });
  }
  return out;
}
