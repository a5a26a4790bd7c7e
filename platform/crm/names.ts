// Names folded for search and duplicate detection with the screening normaliser: any script to Latin
// (Cyrillic, Greek, Arabic, Hebrew, Chinese), accents and letter case dropped, honorifics and legal forms
// removed. "Дмитрий Волков" → "dmitriy volkov", "王芳" → "wang fang", "Harbour Capital Ltd" → "harbour capital".
import { normalizeName } from '../../platform/screening/text/normalize';

// Imports fold the same names (first name and surname pairs) again and again: the folded form depends on
// the name alone, so it is kept (bounded, as the screening normaliser's word cache is).
const SEARCH_NAME_CACHE_LIMIT = 100_000;
const searchNames = new Map<string, string>();

/** The text stored in clients.search_name and leads.search_name, and the form a search query takes. */
export function searchNameOf(name: string): string {
  let folded = searchNames.get(name);
  if (folded === undefined) {
    folded = foldSearchName(name);
    if (searchNames.size >= SEARCH_NAME_CACHE_LIMIT) searchNames.clear();
    searchNames.set(name, folded);
  }
  return folded;
}

function foldSearchName(name: string): string {
  const tokens = normalizeName(name, 'any')
    .tokens.map((t) => t.text)
    .filter(Boolean);
  if (!tokens.length) return name.normalize('NFKC').toLowerCase().trim();
  // Chinese names come one syllable a token ("wang jian guo"); Latin spellings join the given name
  // ("Wang Jianguo"), so that form is stored too
  if (/\p{Script=Han}/u.test(name) && tokens.length > 2) return `${tokens.join(' ')} ${tokens[0]} ${tokens.slice(1).join('')}`;
  return tokens.join(' ');
}

/** Display name of a client or lead: "First Last" for a person, the legal name for a corporate. */
export function displayName(p: {
  type?: string;
  firstName?: string | null;
  lastName?: string | null;
  legalName?: string | null;
  name?: string | null;
}): string {
  if (p.type === 'corporate' && p.legalName?.trim()) return p.legalName.trim();
  const person = [p.firstName, p.lastName]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
  return person || p.legalName?.trim() || p.name?.trim() || '';
}

/** A national id or document number as it is searched: letters and digits only, upper case. */
export const identifierKey = (value: string) => value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();

/** All but the last three characters hidden: "AB123456C" → "******56C". */
export function maskIdentifier(value: string | null): string | null {
  if (value === null) return null;
  const keep = value.length > 6 ? 3 : value.length > 3 ? 1 : 0;
  return '*'.repeat(value.length - keep) + value.slice(value.length - keep);
}
