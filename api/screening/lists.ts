// Sanctions list versions over HTTP: which versions are imported (and which is current per source), and an
// import of the issuers' files from the console, with the same detection and import as the CLI
// (`broker-crm lists import`): platform/screening/detect.ts and store.ts.
import type { Request } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { audit } from '../../platform/audit';
import { ListFormatError, parseListFiles } from '../../platform/screening/detect';
import { ListFileError, type InputFile } from '../../platform/screening/parse/files';
import { importList, latestVersions } from '../../platform/screening/store';
import { AppError, badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import type { Role } from '../../workflows/engine/types';

/** All files of one import together: the OFAC SDN files and the UN list are about 5 MB. */
export const MAX_LIST_BYTES = 64 * 1024 * 1024;
const MAX_FILES = 20;

const tooLarge = () =>
  new AppError(413, 'VALIDATION_FAILED', 'The files are too large', {
    fields: [{ path: 'body', message: `at most ${MAX_LIST_BYTES / 1024 / 1024} MB in all` }],
  });

async function readBody(req: Request, max: number): Promise<Buffer> {
  if (Number(req.header('content-length') ?? 0) > max) {
    req.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      req.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const one = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(MAX_FILES)]).transform((v) => (Array.isArray(v) ? v : [v]));

/** The files travel one after the other in the body; the query names each and gives its length, in order. */
const ImportQuery = z.object({
  name: one(
    z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[^/\\]+$/, 'a file name, without folders'),
  ),
  size: one(z.coerce.number().int().min(1).max(MAX_LIST_BYTES)),
});

const SourceFileSchema = z.object({ role: z.string(), name: z.string(), sha256: z.string() });

const VersionSchema = z.object({
  id: z.string(),
  source: z.string(),
  checksum: z.string(),
  files: z.array(SourceFileSchema),
  publishedAt: z.string().nullable(),
  importedAt: z.string(),
  entryCount: z.number().int(),
  /** the version screening uses now (the newest of its source) */
  current: z.boolean(),
});

const ImportedSchema = z.object({
  source: z.string(),
  versionId: z.string(),
  entryCount: z.number().int(),
  /** false when these exact files had been imported before (nothing written) */
  created: z.boolean(),
  importedAt: z.string(),
  files: z.array(SourceFileSchema),
});

export function screeningListsRouter(deps: ApiDeps, registry: RouteRegistry, onImported: () => void): Router {
  const { prisma } = deps.db;
  const router = Router();
  const readers: Role[] = [...deps.access.rolesOf('kyc_review'), 'admin'];
  const importers: Role[] = ['compliance_manager', 'admin'];

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/screening/lists',
      summary: 'Imported sanctions list versions, newest first (at most 100), the current one of each source marked',
      tag: 'screening',
      roles: readers,
      response: z.array(VersionSchema),
    },
    async () => {
      const [versions, latest] = await Promise.all([
        prisma.sanctionListVersion.findMany({ orderBy: [{ importedAt: 'desc' }, { id: 'desc' }], take: 100 }),
        latestVersions(prisma),
      ]);
      const current = new Set(latest.map((v) => v.versionId));
      return versions.map((v) => ({
        id: v.id,
        source: v.source,
        checksum: v.checksum,
        files: v.files as z.infer<typeof SourceFileSchema>[],
        publishedAt: v.publishedAt?.toISOString() ?? null,
        importedAt: v.importedAt.toISOString(),
        entryCount: v.entryCount,
        current: current.has(v.id),
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/screening/lists',
      summary:
        'Import sanctions list files (OFAC SDN: sdn.csv, alt.csv, add.csv, sdn_comments.csv; OFAC consolidated: cons_*.csv; UN: the consolidated XML). ' +
        "The body is the files one after the other (Content-Type application/octet-stream); the query gives each one's name and size in bytes, in order: " +
        '?name=sdn.csv&size=1500628&name=alt.csv&size=470283. Formats are detected from content and names; the same files again write nothing.',
      tag: 'screening',
      roles: importers,
      query: ImportQuery,
      response: z.object({ imported: z.array(ImportedSchema) }),
      status: 201,
      errors: { 400: 'A file is not a list file, or the sizes do not add up to the body', 413: 'The files are larger than the limit' },
    },
    async ({ query, user, req }) => {
      if (query.name.length !== query.size.length) {
        req.resume();
        throw badRequest([{ path: 'query.size', message: 'one size for each name' }]);
      }
      const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/octet-stream') {
        req.resume();
        throw badRequest([{ path: 'headers.content-type', message: 'must be application/octet-stream' }]);
      }
      const body = await readBody(req, MAX_LIST_BYTES);
      const total = query.size.reduce((a, b) => a + b, 0);
      if (total !== body.length)
        throw badRequest([{ path: 'body', message: `the sizes add up to ${total} bytes, the body has ${body.length}` }]);
      const files: InputFile[] = [];
      let at = 0;
      query.name.forEach((name, i) => {
        files.push({ name, content: body.subarray(at, at + query.size[i]) });
        at += query.size[i];
      });
      let lists;
      try {
        lists = parseListFiles(files);
      } catch (err) {
        if (err instanceof ListFormatError || err instanceof ListFileError) throw badRequest([{ path: 'body', message: err.message }]);
        throw err;
      }
      if (lists.length === 0) throw badRequest([{ path: 'body', message: 'no list file among these' }]);
      const imported = [];
      for (const list of lists) {
        const r = await importList(prisma, list);
        imported.push({
          source: r.source,
          versionId: r.versionId,
          entryCount: r.entryCount,
          created: r.created,
          importedAt: r.importedAt,
          files: list.files,
        });
      }
      // Which lists screening runs against is evidence a regulator asks for: who changed them, and when.
      await audit(prisma, {
        actorId: user.id,
        action: 'screening_lists_import',
        entity: 'screening',
        data: { files: files.map((f, i) => ({ name: f.name, size: query.size[i] })), imported },
      });
      if (imported.some((r) => r.created)) onImported();
      return { imported };
    },
  );

  return router;
}
