// Plain data shapes shared by the parsers, the matcher, the store and the API. JSON in, JSON out.

export const LIST_SOURCES = ['ofac_sdn', 'ofac_cons', 'un_sc'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

/** What a list entry is. Query schemas are mapped onto these (see match/schema.ts). */
export type EntrySchema = 'Person' | 'Organization' | 'Vessel' | 'Airplane';

/** A date as precise as the issuer published it: "1960", "1960-03" or "1960-03-12". */
export interface BirthDate {
  date: string;
  /** Last year of a published range ("1955 to 1957"). */
  toYear?: number;
  circa?: boolean;
}

export interface Identifier {
  /** Normalised kind: passport, national_id, tax_id, registration, imo, swift_bic, other… */
  type: string;
  /** The label as the issuer wrote it, e.g. "Cedula No.". */
  label: string;
  number: string;
  country?: string;
  note?: string;
}

export interface Address {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  note?: string;
}

export type AliasKind = 'aka' | 'fka' | 'nka' | 'weak' | 'original_script';

export interface Alias {
  name: string;
  kind: AliasKind;
}

export interface SanctionEntry {
  source: ListSource;
  /** The issuer's own id: OFAC ent_num, UN reference number. */
  entryId: string;
  schema: EntrySchema;
  name: string;
  aliases: Alias[];
  birthDates: BirthDate[];
  birthPlaces: string[];
  /** Nationalities and citizenships as published (country names). */
  nationalities: string[];
  identifiers: Identifier[];
  addresses: Address[];
  programs: string[];
  gender?: string;
  title?: string;
  remarks?: string;
  listedOn?: string;
}

export interface SourceFile {
  /** Role in the list's format, e.g. "primary", "alt", "add", "comments", "xml". */
  role: string;
  name: string;
  sha256: string;
}

export interface ParsedList {
  source: ListSource;
  files: SourceFile[];
  entries: SanctionEntry[];
  /** When the issuer generated the file, if it says. */
  publishedAt?: string;
}
