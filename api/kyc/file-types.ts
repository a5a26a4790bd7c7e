// What a KYC document may be. The declared type, the file name's extension and the content's own
// signature must all agree: a PDF named `x.html` would open as a page in a browser or a mail client that
// trusts the name, and a name with a right-to-left override shows `invoice<U+202E>fdp.exe` as
// `invoiceexe.pdf`.

export const DOCUMENT_TYPES = {
  'application/pdf': { signature: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] }, // %PDF-
  'image/jpeg': { signature: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
  'image/png': { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const isDocumentType = (t: string): t is DocumentType => Object.hasOwn(DOCUMENT_TYPES, t);

/** The accepted type whose signature the content starts with, if any. */
export function sniffType(content: Uint8Array): DocumentType | null {
  for (const [type, { signature }] of Object.entries(DOCUMENT_TYPES)) {
    if (signature.every((b, i) => content[i] === b)) return type as DocumentType;
  }
  return null;
}

/** Whether the file name's extension (any case) is one of the type's. */
export const extensionFits = (fileName: string, type: DocumentType): boolean =>
  (DOCUMENT_TYPES[type].extensions as readonly string[]).some((ext) => fileName.toLowerCase().endsWith(ext));

// Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional marks,
// embeddings, overrides and isolates (U+061C, U+200E-F, U+202A-E, U+2066-9).
const UNSAFE_IN_NAMES = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The file name without characters that change how it reads or displays. */
export const cleanFileName = (name: string): string => name.replace(UNSAFE_IN_NAMES, '');
