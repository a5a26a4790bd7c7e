// Blocking keys of the reverse-screening index. A client name is stored under t:<token>, t:<two tokens
// joined> and s:<consonant skeleton>; each distinct token of four letters or more under d:<token> and
// d:<token less one letter> in a dictionary. A list name looks up the same kinds of key, so every client
// the forward matcher could consider for that name (same token, one edit apart, joined tokens, same
// skeleton: platform/screening/index.ts, candidates()) is found; the forward matcher then scores them.
import { normalizeName, type NameToken } from '../../screening/text/normalize';
import { nameKind } from '../../screening/match/schema';

export type ClientSchema = 'Person' | 'Company';
export const clientSchema = (type: string): ClientSchema => (type === 'corporate' ? 'Company' : 'Person');

const deletions = (text: string) => [...text].map((_, i) => text.slice(0, i) + text.slice(i + 1));

function tokenKeys(tokens: NameToken[]): { keys: Set<string>; words: Set<string> } {
  const keys = new Set<string>();
  const words = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.text) return;
    keys.add(`t:${t.text}`);
    if (t.skel.length >= 2) keys.add(`s:${t.skel}`);
    const next = tokens[i + 1];
    if (next?.text) keys.add(`t:${t.text}${next.text}`);
    if (t.text.length >= 4) words.add(t.text);
  });
  return { keys, words };
}

/** The index rows of one client name: its keys, and its long tokens for the deletion dictionary. */
export function clientKeys(name: string, type: string): { keys: string[]; words: string[] } {
  const { keys, words } = tokenKeys(normalizeName(name, nameKind(clientSchema(type))).tokens);
  return { keys: [...keys], words: [...words] };
}

/** Dictionary rows of a token: d:<token> and d:<each one-letter deletion>. */
export const deletionKeys = (word: string): string[] => [...new Set([`d:${word}`, ...deletions(word).map((d) => `d:${d}`)])];

/**
 * What a list name looks up. `direct` are matched against client keys; `near` against the dictionary
 * (whose tokens are then looked up as t: keys).
 */
export function lookupKeys(variants: NameToken[][]): { direct: string[]; near: string[] } {
  const direct = new Set<string>();
  const near = new Set<string>();
  for (const tokens of variants) {
    for (const k of tokenKeys(tokens).keys) direct.add(k);
    tokens.forEach((t, i) => {
      const next = tokens[i + 1];
      for (const text of [t.text, next?.text ? t.text + next.text : '']) {
        if (text.length >= 4) for (const k of deletionKeys(text)) near.add(k);
      }
    });
  }
  return { direct: [...direct], near: [...near] };
}
