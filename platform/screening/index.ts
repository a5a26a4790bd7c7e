import { align, type Alignment } from './match/align';
import { explainAlignment, WEAK_ALIAS_FACTOR, type MatchExplanation, type VariantKind } from './match/compare';
import { entryFacts, maxEvidenceEffect, weighEvidence, type EntryFacts, type Evidence, type QueryFacts } from './match/evidence';
import { nameKind, schemaCompatible, type QuerySchema } from './match/schema';
import { normalizeName, type NameToken, type NormalizedName } from './text/normalize';
import type { EntrySchema, ListSource, SanctionEntry } from './types';

// In-memory screening index over every name variant (primary name, aliases, original-script names) of the
// latest list versions. Candidates come from blocking keys — exact tokens, tokens one edit away (deletion
// neighbourhoods), consonant skeletons and joined adjacent tokens — never from a scan of all entries.

export interface IndexedVariant {
  entry: number;
  kind: VariantKind;
  name: NormalizedName;
}

export interface ListVersionInfo {
  source: ListSource;
  versionId: string;
  importedAt: string;
  entryCount: number;
}

export interface ScreeningIndex {
  entries: SanctionEntry[];
  facts: EntryFacts[];
  variants: IndexedVariant[];
  byText: Map<string, number[]>;
  bySkel: Map<string, number[]>;
  /** Single-deletion key → token texts it came from. */
  deletions: Map<string, string[]>;
  /** Summed weight of each variant's indexable tokens, to rank blocking candidates. */
  variantWeight: Float32Array;
  versions: ListVersionInfo[];
}

export interface SearchQuery extends QueryFacts {
  name: string;
  schema?: QuerySchema;
}

export interface SearchHit {
  list: ListSource;
  entryId: string;
  name: string;
  schema: EntrySchema;
  score: number;
  matchedName: string;
  explanation: MatchExplanation;
}

export interface SearchOptions {
  /** Most hits to return. */
  limit?: number;
  /** Lowest score returned. */
  minScore?: number;
}

/** How many best-blocked variants are scored in full. */
const FULL_SCORE_LIMIT = 48;
const MAX_VARIANTS_PER_ENTRY = 2;
/** A variant is scored only if its blocking keys cover this share of the query's weight. */
const MIN_BLOCK_COVER = 0.45;
const MIN_KEY_LENGTH = 2;
const KEY_WEIGHT = { exact: 1, edit: 0.9, skel: 0.88 };

function push(map: Map<string, number[]>, key: string, v: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [v]);
  else if (list[list.length - 1] !== v) list.push(v);
}

function deletionsOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.slice(0, i) + text.slice(i + 1));
  return out;
}

const indexable = (t: NameToken) => t.kind !== 'particle' && t.kind !== 'initial';

export function buildIndex(entries: SanctionEntry[], versions: ListVersionInfo[] = []): ScreeningIndex {
  const index: ScreeningIndex = {
    entries,
    facts: entries.map(entryFacts),
    variants: [],
    byText: new Map(),
    bySkel: new Map(),
    deletions: new Map(),
    variantWeight: new Float32Array(0),
    versions,
  };
  const seenTokens = new Set<string>();
  entries.forEach((e, ei) => {
    const kind = nameKind(e.schema);
    const names: { name: string; kind: VariantKind }[] = [{ name: e.name, kind: 'primary' }, ...e.aliases];
    const seen = new Set<string>();
    for (const n of names) {
      const norm = normalizeName(n.name, kind);
      const key = norm.tokens.map((t) => t.text).join(' ');
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const vi = index.variants.push({ entry: ei, kind: n.kind, name: norm }) - 1;
      const toks = norm.tokens;
      toks.forEach((t, i) => {
        if (!indexable(t) && toks.length > 1) return;
        if (!t.abjad) push(index.byText, t.text, vi);
        if (t.skel.length >= MIN_KEY_LENGTH) push(index.bySkel, t.skel, vi);
        if (!t.abjad && t.text.length >= 4) seenTokens.add(t.text);
        const next = toks[i + 1];
        if (next && !t.abjad && !next.abjad) push(index.byText, t.text + next.text, vi);
      });
    }
  });
  return finishIndex(index, seenTokens);
}

/** Second pass: deletion keys → token texts (each token once per key), and variant weights. */
function finishIndex(index: ScreeningIndex, tokens: Set<string>): ScreeningIndex {
  const map = new Map<string, string[]>();
  for (const t of tokens) {
    for (const d of deletionsOf(t)) {
      const list = map.get(d);
      if (!list) map.set(d, [t]);
      else if (!list.includes(t)) list.push(t);
    }
  }
  index.deletions = map;
  index.variantWeight = Float32Array.from(index.variants, (v) => {
    const keyed = v.name.tokens.filter(indexable);
    return (keyed.length ? keyed : v.name.tokens).reduce((sum, t) => sum + t.weight, 0);
  });
  return index;
}

/** Index tokens within one edit of `text` (substitution, insertion, deletion; transpositions mostly). */
function nearTokens(index: ScreeningIndex, text: string): Set<string> {
  const out = new Set<string>();
  if (text.length < 4) return out;
  for (const t of index.deletions.get(text) ?? []) out.add(t);
  for (const d of deletionsOf(text)) {
    if (index.byText.has(d) && d.length >= 4) out.add(d);
    for (const t of index.deletions.get(d) ?? []) out.add(t);
  }
  out.delete(text);
  return out;
}

interface Scratch {
  total: Float32Array;
  perToken: Float32Array;
  stamp: Int32Array;
  touched: number[];
  round: number;
}

const scratchFor = new WeakMap<ScreeningIndex, Scratch>();

function scratch(index: ScreeningIndex): Scratch {
  let s = scratchFor.get(index);
  if (!s) {
    const n = index.variants.length;
    s = { total: new Float32Array(n), perToken: new Float32Array(n), stamp: new Int32Array(n), touched: [], round: 0 };
    scratchFor.set(index, s);
  }
  return s;
}

/** Variants whose blocking keys cover enough of the query, best covered first. */
function candidates(index: ScreeningIndex, q: NormalizedName, schema: QuerySchema | undefined): number[] {
  const s = scratch(index);
  const keyed = q.tokens.filter(indexable);
  const tokens = keyed.length ? keyed : q.tokens;
  const wanted = tokens.reduce((sum, t) => sum + t.weight, 0);
  const credit = (v: number, value: number) => {
    if (s.stamp[v] !== s.round) {
      s.stamp[v] = s.round;
      s.perToken[v] = 0;
    }
    if (value > s.perToken[v]) {
      if (s.total[v] === 0) s.touched.push(v);
      s.total[v] += value - s.perToken[v];
      s.perToken[v] = value;
    }
  };
  const creditAll = (list: number[] | undefined, value: number) => {
    if (list) for (const v of list) credit(v, value);
  };
  tokens.forEach((t, i) => {
    s.round++;
    if (!t.abjad) {
      creditAll(index.byText.get(t.text), t.weight * KEY_WEIGHT.exact);
      for (const near of nearTokens(index, t.text)) creditAll(index.byText.get(near), t.weight * KEY_WEIGHT.edit);
      const next = tokens[i + 1];
      if (next && !next.abjad) creditAll(index.byText.get(t.text + next.text), (t.weight + next.weight) * KEY_WEIGHT.exact);
    }
    if (t.skel.length >= MIN_KEY_LENGTH) creditAll(index.bySkel.get(t.skel), t.weight * KEY_WEIGHT.skel);
  });
  const out: number[] = [];
  const rank = new Map<number, number>();
  for (const v of s.touched) {
    if (s.total[v] >= MIN_BLOCK_COVER * wanted && schemaCompatible(schema, index.entries[index.variants[v].entry].schema)) {
      out.push(v);
      // coverage of the longer of the two names: "Bashir" prefers the alias "Bashir" to "Ali Bashir Lalobo"
      rank.set(v, s.total[v] / Math.max(wanted, index.variantWeight[v]));
    }
  }
  out.sort((a, b) => rank.get(b)! - rank.get(a)!);
  for (const v of s.touched) s.total[v] = 0;
  s.touched.length = 0;
  // several entries can share a whole family of aliases (one charity listed per country): a few variants
  // per entry keep them from crowding each other out
  const perEntry = new Map<number, number>();
  const chosen: number[] = [];
  for (const v of out) {
    const e = index.variants[v].entry;
    const n = perEntry.get(e) ?? 0;
    if (n >= MAX_VARIANTS_PER_ENTRY) continue;
    perEntry.set(e, n + 1);
    chosen.push(v);
    if (chosen.length === FULL_SCORE_LIMIT) break;
  }
  return chosen;
}

/** Per entry, its best-scoring variant for a normalised name: the name score before evidence. */
function bestVariants(index: ScreeningIndex, q: NormalizedName, schema: QuerySchema | undefined) {
  const best = new Map<number, { v: IndexedVariant; a: Alignment; score: number }>();
  for (const vi of candidates(index, q, schema)) {
    const v = index.variants[vi];
    const a = align(q.tokens, v.name.tokens);
    const score = a.score * (v.kind === 'weak' ? WEAK_ALIAS_FACTOR : 1);
    const prev = best.get(v.entry);
    if (!prev || score > prev.score) best.set(v.entry, { v, a, score });
  }
  return best;
}

/**
 * Whether a query of this name and schema could score `minScore` against some entry, whatever its other
 * facts: the name score of each entry plus the most its evidence can add (maxEvidenceEffect). An exact
 * bound: when this is false, searchName with any birth date and country (and no identifiers) returns no
 * hit at `minScore`.
 * It depends on the name only, so a caller screening many people of one name decides once for all of them.
 */
export function nameCouldReach(index: ScreeningIndex, name: string, schema: QuerySchema | undefined, minScore: number): boolean {
  const q = normalizeName(name, nameKind(schema));
  if (q.tokens.length === 0) return false;
  for (const [ei, { score }] of bestVariants(index, q, schema)) {
    // searchName rounds the total to three decimals: allow for it
    if (score + maxEvidenceEffect(index.facts[ei]) >= minScore - 0.0005) return true;
  }
  return false;
}

/** Ranked list entries whose names resemble `query.name`, secondary evidence applied, with explanations. */
export function searchName(index: ScreeningIndex, query: SearchQuery, options: SearchOptions = {}): SearchHit[] {
  const { limit = 10, minScore = 0 } = options;
  const q = normalizeName(query.name, nameKind(query.schema));
  if (q.tokens.length === 0) return [];
  const best = bestVariants(index, q, query.schema);
  const scored: { ei: number; v: IndexedVariant; a: Alignment; evidence: Evidence[]; score: number }[] = [];
  for (const [ei, { v, a, score }] of best) {
    const entry = index.entries[ei];
    const evidence = weighEvidence(query, index.facts[ei], entry.schema === 'Person');
    const total = Math.round(1000 * Math.max(0, Math.min(1, score + evidence.reduce((sum, e) => sum + e.effect, 0)))) / 1000;
    if (total >= minScore) scored.push({ ei, v, a, evidence, score: total });
  }
  scored.sort((x, y) => y.score - x.score || index.entries[x.ei].entryId.localeCompare(index.entries[y.ei].entryId));
  // explanations are built for the returned hits only: they cost more than the scoring
  return scored.slice(0, limit).map(({ ei, v, a, evidence }) => {
    const entry = index.entries[ei];
    const c = explainAlignment(q, v.name, v.kind, evidence, a);
    return {
      list: entry.source,
      entryId: entry.entryId,
      name: entry.name,
      schema: entry.schema,
      score: c.score,
      matchedName: v.name.original,
      explanation: c.explanation,
    };
  });
}
