import { createHash, randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { audit } from '../../platform/audit';
import { inTransaction } from '../../platform/db';
import { AppError, badRequest, conflict, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { userNames } from '../tasks/view';
import type { SessionUser } from '../auth/session';
import { appendEvents } from '../../platform/timeline';
import { DocumentSchema, UploadQuery } from './schemas';
import { documentView, type ReviewRow } from './view';
import { DOCUMENT_TYPES, cleanFileName, extensionFits, isDocumentType, sniffType } from './file-types';
import { kycReviewCase } from '../../workflows/kyc-review/definition';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Bodies larger than this are not even drained: the connection is dropped. */
const DRAIN_LIMIT = 4 * MAX_DOCUMENT_BYTES;

const tooLarge = () =>
  new AppError(413, 'VALIDATION_FAILED', 'The document is too large', {
    fields: [{ path: 'body', message: `at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` }],
  });

/** Reads the raw body, keeping at most `max` bytes; a larger body is drained (so the client reads our 413) and refused. */
async function readBody(req: Request, max: number): Promise<Buffer> {
  if (Number(req.header('content-length') ?? 0) > DRAIN_LIMIT) {
    req.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT) {
      req.destroy();
      break;
    }
    if (size <= max) chunks.push(chunk);
  }
  if (size > max) throw tooLarge();
  return Buffer.concat(chunks);
}

const DownloadParams = z.object({ id: z.string().min(1).max(200), docId: z.uuid() });

export function documentsRouter(
  deps: ApiDeps,
  registry: RouteRegistry,
  scopedReview: (user: SessionUser, id: string) => Promise<ReviewRow>,
): Router {
  const { prisma, pool } = deps.db;
  const router = Router();
  const KYC_ROLES = deps.access.rolesOf(kycReviewCase.type);

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-reviews/:id/documents',
      summary: `Upload a document: the body is the file (PDF, JPEG or PNG, at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, Content-Type set), metadata in the query`,
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      query: UploadQuery,
      response: DocumentSchema,
      status: 201,
      errors: { 409: 'The review is closed', 413: 'The file is larger than the limit' },
    },
    async ({ params, query, user, req }) => {
      const review = await scopedReview(user, params.id);
      const mimeType = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (!isDocumentType(mimeType)) {
        req.resume();
        throw badRequest([{ path: 'headers.content-type', message: `must be one of ${Object.keys(DOCUMENT_TYPES).join(', ')}` }]);
      }
      // The name's extension must say what the content is, so whatever later opens the file by its name
      // (a browser, a mail client, a desktop) treats it as the type that was checked.
      if (!extensionFits(query.fileName, mimeType)) {
        req.resume();
        throw badRequest([
          { path: 'query.fileName', message: `a ${mimeType} file name ends in ${DOCUMENT_TYPES[mimeType].extensions.join(' or ')}` },
        ]);
      }
      if (review.status === 'closed') {
        req.resume();
        throw conflict('CASE_CLOSED', 'Documents can be added only to an open review');
      }
      const content = await readBody(req, MAX_DOCUMENT_BYTES);
      if (content.length === 0) throw badRequest([{ path: 'body', message: 'the file is empty' }]);
      if (sniffType(content) !== mimeType) throw badRequest([{ path: 'body', message: `the content is not a ${mimeType} file` }]);

      const id = randomUUID();
      const sha256 = createHash('sha256').update(content).digest('hex');
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO kyc_documents (id, case_id, client_id, kind, doc_type, file_name, mime_type, size, sha256, content, number, country,
             issued_at, expires_at, mrz, uploaded_by_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
          [
            id,
            review.id,
            review.clientId,
            query.kind,
            query.docType ?? null,
            query.fileName,
            mimeType,
            content.length,
            sha256,
            content,
            query.number ?? null,
            query.country ?? null,
            query.issuedAt ?? null,
            query.expiresAt ?? null,
            query.mrz ?? null,
            user.id,
          ],
        );
        // Adding a document changes no status, assignee or deadline: it goes straight to the timeline.
        await appendEvents(client, [
          {
            key: `document/${id}`,
            caseId: review.id,
            type: 'document_uploaded',
            actorId: user.id,
            at: Date.now(),
            data: { documentId: id, kind: query.kind, fileName: query.fileName, mimeType, size: content.length, sha256 },
          },
        ]);
      });
      const row = await prisma.kycDocument.findUniqueOrThrow({ where: { id }, omit: { content: true } });
      return documentView(row, await userNames(prisma, [user.id]));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/kyc-reviews/:id/documents/:docId',
      summary: 'Download a document (KYC staff only); its SHA-256 is checked before it is sent',
      tag: 'kyc',
      roles: KYC_ROLES,
      params: DownloadParams,
    },
    async ({ params, user, res, req }) => {
      const review = await scopedReview(user, params.id);
      const doc = await prisma.kycDocument.findFirst({ where: { id: params.docId, caseId: review.id } });
      if (!doc) throw notFound('Document');
      const content = Buffer.from(doc.content);
      if (createHash('sha256').update(content).digest('hex') !== doc.sha256)
        throw new Error(`Document ${doc.id} does not match its stored SHA-256`);
      await audit(prisma, {
        actorId: user.id,
        action: 'kyc_document_downloaded',
        entity: 'kyc_document',
        entityId: doc.id,
        data: { caseId: review.id },
        ip: req.ip,
      });
      // res.attachment quotes the name with the content-disposition package (an ASCII fallback plus the
      // UTF-8 filename*); names stored before uploads were cleaned are cleaned here too.
      res.attachment(cleanFileName(doc.fileName));
      res.setHeader('Content-Type', doc.mimeType);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('X-Content-SHA256', doc.sha256);
      res.status(200).send(content);
    },
  );

  return router;
}
