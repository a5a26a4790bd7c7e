// `broker-crm import <kind> <file>`: uploads a CSV or XLSX file to a running API as an import job
// (POST /api/imports), shows its progress as a bar (GET /api/imports/{id}, polled) and writes the rejected
// rows (GET /api/imports/{id}/rejects). Talks HTTP, as a user: BROKER_CRM_TOKEN (a session or service
// user's bearer token), else BROKER_CRM_EMAIL and BROKER_CRM_PASSWORD (a login without two-factor
// authentication). The API is BROKER_CRM_URL (default http://127.0.0.1:$PORT, PORT default 3000).
import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { InputError, UsageError, type Args } from './args';

export const IMPORT_EXIT_WITH_REJECTS = 3;
const KINDS = ['leads', 'clients', 'accounts', 'transactions'];

interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  applied: number;
  rejected: number;
  duplicates: number;
  error: string | null;
  cases: { total: number; processed: number; started: number };
}

/** What the API answers: JSON (an error: code, message, fields) or text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read field by field, as the API documents it
type Reply = any;

class Api {
  constructor(
    readonly base: string,
    private token: string,
  ) {}

  static async connect(env: NodeJS.ProcessEnv): Promise<Api> {
    const base = (env.BROKER_CRM_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/$/, '');
    if (env.BROKER_CRM_TOKEN) return new Api(base, env.BROKER_CRM_TOKEN);
    if (!env.BROKER_CRM_EMAIL || !env.BROKER_CRM_PASSWORD)
      throw new UsageError('set BROKER_CRM_TOKEN, or BROKER_CRM_EMAIL and BROKER_CRM_PASSWORD, to act as a user of the API');
    const api = new Api(base, '');
    const r = await api.call('POST', '/api/auth/login', { email: env.BROKER_CRM_EMAIL, password: env.BROKER_CRM_PASSWORD });
    if (r.status !== 200 || !r.body?.token) throw new InputError(`cannot log in at ${base} as ${env.BROKER_CRM_EMAIL}: ${describe(r)}`);
    api.token = r.body.token;
    return api;
  }

  async call(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) {
    let res: Response;
    try {
      res = await fetch(this.base + p, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new InputError(`the API at ${this.base} cannot be reached (${(err as Error).cause ?? (err as Error).message}); is it running?`);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    } catch {
      /* text */
    }
    return { status: res.status, body: parsed as Reply };
  }
}

function describe(r: { status: number; body: unknown }): string {
  const b = r.body as Reply;
  if (b && typeof b === 'object') {
    const fields = Array.isArray(b.fields)
      ? b.fields.map((f: { path: string; message: string }) => `${f.path}: ${f.message}`).join('; ')
      : '';
    return `${r.status} ${b.message ?? b.code ?? ''}${fields ? ` (${fields})` : ''}`.trim();
  }
  return `${r.status} ${String(b).slice(0, 200)}`;
}

/** col=field,col2=field2 ('' after = leaves the column out) */
function parseMapping(s: string | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const at = part.indexOf('=');
    if (at < 1) throw new UsageError(`--mapping: "${part}" is not column=field`);
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return out;
}

export async function importFile(kind: string, args: Args, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (!KINDS.includes(kind)) throw new UsageError(`import: the kind is one of ${KINDS.join(', ')}`);
  const [file, ...extra] = args.positional;
  if (!file || extra.length) throw new UsageError('import: give one file');
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.xlsx' ? 'xlsx' : ext === '.csv' || ext === '.txt' ? 'csv' : null;
  if (!format) throw new UsageError('import: the file must be .csv or .xlsx');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const dryRun = args.flags.has('dry-run');
  const api = await Api.connect(env);
  const created = await api.call('POST', '/api/imports', {
    kind,
    fileName: path.basename(file),
    format,
    content: format === 'xlsx' ? bytes.toString('base64') : bytes.toString('utf8'),
    ...(args.options.get('mapping') ? { mapping: parseMapping(args.options.get('mapping')) } : {}),
    ...(args.options.get('source') ? { source: args.options.get('source') } : {}),
    dryRun,
  });
  if (created.status !== 201 && created.status !== 200) throw new InputError(`the import was refused: ${describe(created)}`);
  let job = created.body as Job;
  const tty = process.stderr.isTTY;
  const bar = new SingleBar(
    {
      format: `${dryRun ? 'checking' : 'importing'} ${kind} [{bar}] {percentage}% | {value}/{total} rows | applied {applied} | rejected {rejected}{cases}`,
      stream: process.stderr,
      noTTYOutput: !tty,
      notTTYSchedule: 2000,
      hideCursor: tty,
    },
    Presets.shades_classic,
  );
  const payload = (j: Job) => ({
    applied: j.applied,
    rejected: j.rejected,
    cases: kind === 'leads' && !dryRun && j.processed >= j.total ? ` | cases ${j.cases.processed}/${j.cases.total}` : '',
  });
  bar.start(Math.max(job.total, 1), job.processed, payload(job));
  while (!['done', 'failed', 'dry_run'].includes(job.status)) {
    await new Promise((r) => setTimeout(r, 500));
    const r = await api.call('GET', `/api/imports/${job.id}`);
    if (r.status !== 200) {
      bar.stop();
      throw new InputError(`cannot read import ${job.id}: ${describe(r)}`);
    }
    job = r.body;
    bar.update(job.processed, payload(job));
  }
  bar.update(job.processed, payload(job));
  bar.stop();
  const summary = `${job.status === 'dry_run' ? 'dry run' : `import ${job.status}`}: ${job.total} rows, ${job.applied} ${dryRun ? 'valid' : 'applied'}, ${job.rejected} rejected${
    job.duplicates ? `, ${job.duplicates} possible duplicates` : ''
  }${kind === 'leads' && !dryRun ? `, ${job.cases.started} cases started` : ''} (job ${job.id})`;
  if (job.status === 'failed') {
    process.stderr.write(`broker-crm: the import failed: ${job.error ?? 'unknown error'} (job ${job.id})\n`);
    return 1;
  }
  process.stderr.write(`${summary}\n`);
  if (job.rejected > 0) {
    const out = args.options.get('rejects') ?? path.join(path.dirname(file), `${path.basename(file, ext)}.rejects.csv`);
    const r = await api.call('GET', `/api/imports/${job.id}/rejects`);
    if (r.status !== 200) throw new InputError(`cannot read the rejects of import ${job.id}: ${describe(r)}`);
    fs.writeFileSync(out, r.body);
    process.stderr.write(`rejected rows (line, field, reason, the row): ${out}\n`);
    return IMPORT_EXIT_WITH_REJECTS;
  }
  return 0;
}
