import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { documentDetail, documentFacets, documentPatch, documentQuery, documentSummary, idParam, importSummary, page } from '@mandate/shared';
import { requiredVersion, withEtag } from '../../http/etag.ts';
import { patchDocument } from './document-patch.service.ts';
import { badRequest } from '../../http/problem.ts';
import { readUploads } from '../../http/uploads.ts';
import { findDocuments, getDocument, getFacets } from './documents.service.ts';
import { importDocuments } from './import.service.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_REQUEST_BYTES } from './source-file.ts';

export const documentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents', {
    config: { policy: 'public' },
    schema: { tags: ['library'], summary: 'List documents', querystring: documentQuery, response: { 200: page(documentSummary) } },
    handler: (req) => findDocuments(req.ctx, req.query),
  });

  app.get('/documents/facets', {
    config: { policy: 'public' },
    schema: { tags: ['library'], summary: 'Values to filter the library by', response: { 200: documentFacets } },
    handler: (req) => getFacets(req.ctx),
  });

  app.get('/documents/:id', {
    config: { policy: 'public' },
    schema: { tags: ['library'], summary: 'A document with its clauses, their action items and suggestions', params: idParam, response: { 200: documentDetail } },
    handler: async (req, reply) => withEtag(reply, await getDocument(req.ctx, req.params.id)),
  });

  app.patch('/documents/:id', {
    config: { policy: 'editor' },
    schema: { tags: ['library'], summary: 'Publish or unpublish a document, suppress it or lift the suppression (If-Match required)', params: idParam, body: documentPatch, response: { 200: documentDetail } },
    handler: async (req, reply) => withEtag(reply, await patchDocument(req.ctx, req.params.id, req.body, requiredVersion(req, 'document'))),
  });

  app.post('/imports', {
    config: { policy: 'editor' },
    schema: {
      tags: ['library'],
      summary: 'Import documents (Akoma Ntoso XML, plain text, DOCX or PDF), multipart field "files"',
      consumes: ['multipart/form-data'],
      response: { 200: importSummary },
    },
    handler: async (req) => {
      const files = await readUploads(req, MAX_IMPORT_BYTES, { maxTotalBytes: MAX_IMPORT_REQUEST_BYTES });
      if (files.length === 0) throw badRequest('Attach at least one file in the multipart field "files".');
      const summary = await importDocuments(req.ctx, files.filter((f) => !f.truncated));
      for (const f of files.filter((f) => f.truncated)) {
        summary.files += 1;
        summary.failed.push({ file: f.name, location: 'file', message: `the file exceeds the ${MAX_IMPORT_BYTES / 1048576} MB limit` });
      }
      return summary;
    },
  });
};
