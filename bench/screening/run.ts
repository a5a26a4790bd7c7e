// Screening engine figures: import, single-name latency, bulk throughput, precision/recall.
// Run: node_modules/.bin/tsx bench/screening/run.ts [--clients 100000]
import { DEFAULT_REVIEW_THRESHOLD } from '../../platform/screening/config';
import { buildIndex, searchName, type ScreeningIndex } from '../../platform/screening/index';
import { normalizeName } from '../../platform/screening/text/normalize';
import type { SanctionEntry } from '../../platform/screening/types';
import { initialise, reorder as reverseWords, toCyrillic, typo as midTypo } from '../../test/fixtures/screening/perturb';
import { generateClients, randomCompany, randomPerson, rng } from './generate';
import { parseAll } from './lists';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 100_000);
const THRESHOLD = DEFAULT_REVIEW_THRESHOLD;

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const ms = (x: number) => `${x.toFixed(3)} ms`;

function timeImport() {
  const t0 = performance.now();
  const lists = parseAll();
  const t1 = performance.now();
  const entries = lists.flatMap((l) => l.entries);
  const index = buildIndex(entries);
  const t2 = performance.now();
  console.log('## Import (parse files → entries → in-memory index)');
  for (const l of lists)
    console.log(`  ${l.source}: ${l.entries.length} entries, ${l.entries.reduce((n, e) => n + e.aliases.length, 0)} aliases`);
  console.log(`  parse all files: ${ms(t1 - t0)}; build index: ${ms(t2 - t1)} (${index.variants.length} name variants)`);
  return { entries, index };
}

function latency(index: ScreeningIndex, entries: SanctionEntry[]) {
  const r = rng(7);
  const queries: { name: string; schema: SanctionEntry['schema'] }[] = [];
  for (let i = 0; i < 6000; i++) {
    if (i % 2 === 0) {
      const e = entries[Math.floor(r() * entries.length)];
      const names = [e.name, ...e.aliases.map((a) => a.name)];
      queries.push({ name: names[Math.floor(r() * names.length)], schema: e.schema });
    } else queries.push(r() < 0.75 ? { name: randomPerson(r), schema: 'Person' } : { name: randomCompany(r), schema: 'Organization' });
  }
  for (const q of queries.slice(0, 1000)) searchName(index, q);
  const times: number[] = [];
  for (const q of queries.slice(1000)) {
    const t = performance.now();
    searchName(index, q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log('## Single-name search (OFAC SDN + consolidated + UN, all aliases; half list names, half random names)');
  console.log(
    `  n=${times.length}  p50 ${ms(pct(times, 50))}  p95 ${ms(pct(times, 95))}  p99 ${ms(pct(times, 99))}  max ${ms(times[times.length - 1])}`,
  );
}

function bulk(index: ScreeningIndex, entries: SanctionEntry[]) {
  const t0 = performance.now();
  const clients = generateClients(entries, CLIENTS);
  const t1 = performance.now();
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes' turns
  const cpu0 = process.cpuUsage();
  let hits = 0;
  let flagged = 0;
  let found = 0;
  let positives = 0;
  for (const c of clients) {
    const h = searchName(index, { name: c.name, schema: c.schema }, { minScore: THRESHOLD });
    hits += h.length;
    if (h.length) flagged++;
    if (c.source) {
      positives++;
      if (h.some((x) => x.list === c.source!.list && x.entryId === c.source!.entryId)) found++;
    }
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const perClient = (t2 - t1) / clients.length;
  const cpuPerClient = (cpu.user + cpu.system) / 1000 / clients.length;
  console.log(`## Bulk screening, ${clients.length.toLocaleString('en')} generated clients (10% disguised list names), one thread`);
  console.log(
    `  generate ${ms(t1 - t0)}; screen ${((t2 - t1) / 1000).toFixed(1)} s wall = ${Math.round(1000 / perClient).toLocaleString('en')} clients/s (${ms(perClient)} each; CPU ${ms(cpuPerClient)} each)`,
  );
  console.log(
    `  extrapolated 1,000,000 clients: ${((perClient * 1_000_000) / 60_000).toFixed(1)} min wall, ${((cpuPerClient * 1_000_000) / 60_000).toFixed(1)} min of CPU on one core`,
  );
  console.log(
    `  flagged ${flagged} clients (${hits} hits ≥ ${THRESHOLD}); disguised names found: ${found}/${positives} (${((100 * found) / positives).toFixed(1)}%)`,
  );
}

interface Case {
  kind: string;
  name: string;
  schema: 'Person' | 'Organization' | 'Vessel' | 'Airplane';
  target?: SanctionEntry;
}

function quality(index: ScreeningIndex, entries: SanctionEntry[]) {
  const r = rng(11);
  const cases: Case[] = [];
  const schemaOf = (e: SanctionEntry): Case['schema'] =>
    e.schema === 'Organization' ? 'Organization' : e.schema === 'Person' ? 'Person' : e.schema;
  const distinctive = (e: SanctionEntry) => normalizeName(e.name).tokens.filter((t) => t.kind === 'word').length >= 2;
  entries.forEach((e, i) => {
    if (i % 5 !== 0 || !distinctive(e)) return;
    const s = schemaOf(e);
    const alias = e.aliases.find((a) => a.kind === 'aka');
    if (alias) cases.push({ kind: 'alias', name: alias.name, schema: s, target: e });
    cases.push({ kind: 'reordered', name: reverseWords(e.name), schema: s, target: e });
    cases.push({ kind: 'one typo', name: midTypo(e.name), schema: s, target: e });
    if (e.schema === 'Person') {
      cases.push({ kind: 'initial', name: initialise(e.name), schema: s, target: e });
      cases.push({ kind: 'Cyrillic', name: toCyrillic(e.name), schema: s, target: e });
    }
    const original = e.aliases.find((a) => a.kind === 'original_script');
    if (original) cases.push({ kind: 'original script (UN)', name: original.name, schema: s, target: e });
  });
  for (let i = 0; i < 5000; i++) {
    const person = r() < 0.75;
    cases.push({ kind: 'random name', name: person ? randomPerson(r) : randomCompany(r), schema: person ? 'Person' : 'Organization' });
  }
  const key = (e: SanctionEntry) =>
    new Set(
      [e.name, ...e.aliases.map((a) => a.name)].map((n) =>
        normalizeName(n)
          .tokens.map((t) => t.text)
          .sort()
          .join(' '),
      ),
    );
  const byId = new Map(entries.map((e) => [`${e.source}:${e.entryId}`, e]));
  let tp = 0;
  let fp = 0;
  let sameName = 0;
  const recall = new Map<string, [number, number]>();
  let randomFlagged = 0;
  for (const c of cases) {
    const hits = searchName(index, { name: c.name, schema: c.schema }, { minScore: THRESHOLD, limit: 20 });
    if (!c.target) {
      if (hits.length) randomFlagged++;
      fp += hits.length;
      continue;
    }
    const [found, total] = recall.get(c.kind) ?? [0, 0];
    const own = hits.some((h) => h.list === c.target!.source && h.entryId === c.target!.entryId);
    recall.set(c.kind, [found + (own ? 1 : 0), total + 1]);
    if (own) tp++;
    const names = key(c.target);
    for (const h of hits) {
      if (h.list === c.target.source && h.entryId === c.target.entryId) continue;
      // the same person listed twice (SDN and UN) or a namesake carrying the very same name is not a false hit
      if ([...key(byId.get(`${h.list}:${h.entryId}`)!)].some((n) => names.has(n))) sameName++;
      else fp++;
    }
  }
  const pos = [...recall.values()].reduce((a, [f, t]) => [a[0] + f, a[1] + t], [0, 0]);
  console.log(`## Precision / recall at the review threshold ${THRESHOLD} (labelled set built from the lists)`);
  for (const [kind, [f, t]] of recall) console.log(`  recall ${kind.padEnd(22)} ${((100 * f) / t).toFixed(1)}%  (${f}/${t})`);
  console.log(`  recall overall            ${((100 * pos[0]) / pos[1]).toFixed(1)}%  (${pos[0]}/${pos[1]})`);
  console.log(
    `  precision                 ${((100 * tp) / (tp + fp)).toFixed(1)}%  (true ${tp}, false ${fp}; ${sameName} hits on other entries with the identical name not counted)`,
  );
  console.log(`  random names flagged      ${((100 * randomFlagged) / 5000).toFixed(2)}%  (${randomFlagged}/5000)`);
}

const { entries, index } = timeImport();
latency(index, entries);
quality(index, entries);
bulk(index, entries);
