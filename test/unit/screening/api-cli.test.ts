import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CompareRequestSchema, CompareResponseSchema, SearchHitSchema, SearchRequestSchema } from '../../../api/screening/schemas';
import { DEFAULT_REVIEW_THRESHOLD, reviewThreshold } from '../../../platform/screening/config';
import { ListFormatError, parseListFiles } from '../../../platform/screening/detect';
import { searchName } from '../../../platform/screening/index';
import { compareNames } from '../../../platform/screening/match/compare';
import { formatCsv, parseCsv } from '../../../platform/screening/parse/csv';
import { every, listFile, lists } from './lists';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('API bodies', () => {
  it('describe what searchName and compareNames return', () => {
    const e = lists().un.entries[0];
    const hits = searchName(lists().index, SearchRequestSchema.parse({ name: e.name, schema: 'Person', birthDate: '1971' }));
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(SearchHitSchema.safeParse(h).success).toBe(true);
    const req = CompareRequestSchema.parse({ name1: e.name, name2: e.name.toLowerCase(), schema: 'Person' });
    expect(CompareResponseSchema.parse(compareNames(req.name1, req.name2, req.schema)).score).toBe(1);
  });

  it('reject bad requests naming the field', () => {
    const bad = SearchRequestSchema.safeParse({ name: ' ', birthDate: '12/03/1960', schema: 'Ship' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['birthDate', 'name', 'schema']);
  });
});

describe('review threshold', () => {
  it('defaults, reads SCREENING_REVIEW_THRESHOLD, rejects nonsense', () => {
    expect(reviewThreshold({})).toBe(DEFAULT_REVIEW_THRESHOLD);
    expect(reviewThreshold({ SCREENING_REVIEW_THRESHOLD: '0.9' })).toBe(0.9);
    expect(() => reviewThreshold({ SCREENING_REVIEW_THRESHOLD: '1.5' })).toThrow(/between 0 and 1/);
  });
});

describe('list format detection', () => {
  it('recognises files by content even when renamed', () => {
    const renamed = (n: string, as: string) => ({ ...listFile(n), name: as });
    const parsed = parseListFiles([
      renamed('UN_consolidated.xml', 'download(1).xml'),
      renamed('sdn.csv', 'a.csv'),
      renamed('alt.csv', 'b.csv'),
      renamed('cons_prim.csv', 'cons_1.csv'),
    ]);
    expect(parsed.map((l) => [l.source, l.entries.length])).toEqual([
      ['un_sc', lists().un.entries.length],
      ['ofac_sdn', lists().sdn.entries.length],
      ['ofac_cons', lists().cons.entries.length],
    ]);
    expect(parsed[1].files.map((f) => f.role)).toEqual(['primary', 'alt']);
  });

  it('refuses aliases without their primary file and unknown files', () => {
    expect(() => parseListFiles([listFile('alt.csv')])).toThrow(ListFormatError);
    expect(() => parseListFiles([{ name: 'x.csv', content: Buffer.from('a,b,c\n1,2,3\n') }])).toThrow(/not an OFAC list file/);
  });
});

describe('broker-crm screening compare', () => {
  // the package bin, run by the machine's own node (20) when there is one: it must re-exec itself on Node 24
  const node = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;

  it('scores every pair of the input and quotes names that need it', () => {
    const pairs = every(
      lists().sdn.entries.filter((e) => e.aliases.length > 0),
      200,
    ).map((e) => [e.schema === 'Person' ? 'Person' : 'Organization', e.name, e.aliases[0].name]);
    const dir = mkdtempSync(path.join(tmpdir(), 'screening-cli-'));
    writeFileSync(path.join(dir, 'pairs.csv'), formatCsv([['schema', 'name1', 'name2'], ...pairs]));
    execFileSync(
      node,
      [path.join(repo, 'scripts/broker-crm.mjs'), 'screening', 'compare', '--input', 'pairs.csv', '--output', 'scores.csv'],
      {
        cwd: dir,
        stdio: 'pipe',
      },
    );
    const out = parseCsv(readFileSync(path.join(dir, 'scores.csv'), 'utf8').trimEnd());
    expect(out[0]).toEqual(['schema', 'name1', 'name2', 'score']);
    expect(out.slice(1).map((r) => r.slice(0, 3))).toEqual(pairs);
    out.slice(1).forEach((r, i) => expect(Number(r[3])).toBe(compareNames(pairs[i][1], pairs[i][2], pairs[i][0] as 'Person').score));
  });

  it('exits 2 and names the line of a bad row', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'screening-cli-'));
    writeFileSync(path.join(dir, 'pairs.csv'), 'schema,name1,name2\nPerson,a,b\nRobot,c,d\n');
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(node, [path.join(repo, 'scripts/broker-crm.mjs'), 'screening', 'compare', '--input', 'pairs.csv'], {
        cwd: dir,
        stdio: 'pipe',
      });
    } catch (err) {
      failure = err as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(2);
    expect(failure!.stderr.toString()).toMatch(/pairs\.csv, line 3: column "schema"/);
  });
});
