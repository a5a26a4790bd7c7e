import type { NameToken } from '../text/normalize';
import { mergeTokens, tokenSimilarity, type MatchHow } from './tokens';

// Aligns the tokens of two names, order-free: every token pairs with at most one token on the other side
// (or two or three adjacent ones read as a single word), best pairs first.

export interface TokenPair {
  query: string;
  candidate: string;
  how: MatchHow;
  similarity: number;
}

export interface Alignment {
  /** 0..1: how much of both names the pairs cover, weighted by token importance. */
  score: number;
  pairs: TokenPair[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

interface Link {
  q: number[];
  c: number[];
  sim: number;
  how: MatchHow;
}

const MIN_SIM = 0.7;
const MAX_MERGE_TOKENS = 10;
/** A pair at least this alike makes a match sure of one word; without one the score is damped. */
const SURE_PAIR = 0.88;
const ONLY_ROUGH_FACTOR = 0.9;
/** Weight of the better-covered side; the rest goes to the worse-covered one. */
const MAX_SIDE_WEIGHT = 0.4;

function links(q: NameToken[], c: NameToken[]): Link[] {
  const out: Link[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const s = tokenSimilarity(q[i], c[j]);
      if (s.sim >= MIN_SIM) out.push({ q: [i], c: [j], sim: s.sim, how: s.how });
    }
  }
  // joined words matter for short names; very long ones (a whole alias list pasted as a name) have enough tokens
  if (q.length <= MAX_MERGE_TOKENS && c.length <= MAX_MERGE_TOKENS) {
    mergedLinks(q, c, false, out);
    mergedLinks(c, q, true, out);
  }
  // words before particles, so "al" does not take the "al" a joined "abd al hamid" needs; then the most alike
  // first; singles before merges at equal similarity, so "abdul fattah" ↔ "abdul fattah" stays token-to-token
  const particlesOnly = (l: Link) => l.q.every((i) => q[i].kind === 'particle') && l.c.every((j) => c[j].kind === 'particle');
  return out
    .map((l) => ({ l, p: particlesOnly(l) ? 1 : 0 }))
    .sort((x, y) => x.p - y.p || y.l.sim - x.l.sim || x.l.q.length + x.l.c.length - (y.l.q.length + y.l.c.length))
    .map((x) => x.l);
}

/** Longest run of adjacent tokens read as one word ("abd al rahman" ~ "abderrahmane"). */
const MAX_SPAN = 3;

interface Span {
  indexes: number[];
  merged: NameToken;
}

// Index names are aligned again and again: their joined spans are worked out once per token list.
const spanCache = new WeakMap<NameToken[], Span[]>();

function spans(side: NameToken[]): Span[] {
  let out = spanCache.get(side);
  if (out) return out;
  out = [];
  for (let i = 0; i + 1 < side.length; i++) {
    for (let n = 2; n <= MAX_SPAN && i + n <= side.length; n++) {
      const span = side.slice(i, i + n);
      const indexes = span.map((_, k) => i + k);
      out.push({ indexes, merged: mergeTokens(span) });
      // the Arabic article assimilates in Latin spellings: "bd al rhmn" is "abderrahmane", not "abdalrahman"
      const inner = span.filter((t, k) => !(k > 0 && t.text === 'al'));
      if (inner.length < span.length && inner.length > 1) out.push({ indexes, merged: mergeTokens(inner) });
    }
  }
  spanCache.set(side, out);
  return out;
}

function mergedLinks(side: NameToken[], other: NameToken[], swapped: boolean, out: Link[]): void {
  for (const { indexes, merged } of spans(side)) {
    for (let j = 0; j < other.length; j++) {
      // unvocalised spellings are shorter: compare consonant counts for them, letters otherwise
      const far =
        merged.abjad || other[j].abjad
          ? Math.abs(other[j].skel.length - merged.skel.length) > 2
          : Math.abs(other[j].text.length - merged.text.length) > 3;
      if (far) continue;
      const s = tokenSimilarity(merged, other[j]);
      if (s.sim < 0.85) continue;
      const sim = Math.min(s.sim, 0.95);
      out.push(swapped ? { q: [j], c: indexes, sim, how: 'merged' } : { q: indexes, c: [j], sim, how: 'merged' });
    }
  }
}

export function align(q: NameToken[], c: NameToken[]): Alignment {
  const usedQ = new Array<boolean>(q.length).fill(false);
  const usedC = new Array<boolean>(c.length).fill(false);
  const pairs: TokenPair[] = [];
  let qCovered = 0;
  let cCovered = 0;
  let strong = false;
  let bestSim = 0;
  for (const l of links(q, c)) {
    if (l.q.some((i) => usedQ[i]) || l.c.some((j) => usedC[j])) continue;
    for (const i of l.q) usedQ[i] = true;
    for (const j of l.c) usedC[j] = true;
    const qTokens = l.q.map((i) => q[i]);
    const cTokens = l.c.map((j) => c[j]);
    qCovered += l.sim * qTokens.reduce((s, t) => s + t.weight, 0);
    cCovered += l.sim * cTokens.reduce((s, t) => s + t.weight, 0);
    if (l.sim >= 0.8 && [...qTokens, ...cTokens].some((t) => t.kind === 'word' || t.kind === 'generic')) {
      strong = true;
      bestSim = Math.max(bestSim, l.sim);
    }
    pairs.push({
      query: qTokens.map((t) => t.text).join(' '),
      candidate: cTokens.map((t) => t.text).join(' '),
      how: l.how,
      similarity: l.sim,
    });
  }
  const qWeight = q.reduce((s, t) => s + t.weight, 0);
  const cWeight = c.reduce((s, t) => s + t.weight, 0);
  const qc = qWeight ? qCovered / qWeight : 0;
  const cc = cWeight ? cCovered / cWeight : 0;
  let score = (1 - MAX_SIDE_WEIGHT) * Math.min(qc, cc) + MAX_SIDE_WEIGHT * Math.max(qc, cc);
  // particles and initials alone ("al", "J.") do not make two names the same
  if (!strong) score *= 0.5;
  // nor do names where every word is only roughly alike (Koch Andrei / Skoch Andrey, Chloe Ward / سليوة رودي)
  else if (bestSim < SURE_PAIR) score *= ONLY_ROUGH_FACTOR;
  return {
    score: Math.min(1, score),
    pairs,
    unmatchedQuery: q.filter((_, i) => !usedQ[i]).map((t) => t.text),
    unmatchedCandidate: c.filter((_, j) => !usedC[j]).map((t) => t.text),
  };
}
