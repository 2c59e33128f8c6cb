import type { FastifyRequest } from 'fastify';
import { HttpProblem, badRequest } from './problem.ts';

export interface Upload {
  name: string;
  content: Uint8Array;
  /** True when the file was cut at the size limit: it must be refused, not imported. */
  truncated: boolean;
}

export interface UploadLimits {
  /** More files than this is a client mistake (a plan import reads one): refused, not silently dropped. */
  maxFiles?: number;
  /** Files are held in memory: without a cap on their sum, 200 files of 50 MB would be 10 GB. */
  maxTotalBytes?: number;
}

const MB = 1024 * 1024;

/** Reads every file part of a multipart request into memory, each at most `maxBytes`, within `limits`. */
export async function readUploads(req: FastifyRequest, maxBytes: number, limits: UploadLimits = {}): Promise<Upload[]> {
  if (!req.isMultipart()) throw badRequest('Send the files as multipart/form-data.');
  const out: Upload[] = [];
  let total = 0;
  try {
    for await (const part of req.files({ limits: { fileSize: maxBytes, files: 200 } })) {
      if (limits.maxFiles !== undefined && out.length >= limits.maxFiles) throw badRequest(`Send at most ${limits.maxFiles} file${limits.maxFiles === 1 ? '' : 's'} in one request.`);
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) {
        total += (chunk as Buffer).byteLength;
        if (limits.maxTotalBytes !== undefined && total > limits.maxTotalBytes) {
          throw new HttpProblem(413, 'Payload too large', `The files together exceed ${Math.floor(limits.maxTotalBytes / MB)} MB; send them in several requests.`);
        }
        chunks.push(chunk as Buffer);
      }
      out.push({ name: part.filename || 'upload', content: Buffer.concat(chunks), truncated: part.file.truncated });
    }
  } catch (err) {
    // @fastify/multipart's own message ("request file too large") does not say what the limit is.
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpProblem(413, 'Payload too large', `Each file may be at most ${Math.floor(maxBytes / MB)} MB.`);
    throw err;
  }
  return out;
}
