import { csvColumns } from './csv';
import { xlsxColumns } from './xlsx';
import type { ImportFormat } from './types';

/** A chosen file as the API takes it: CSV as text, XLSX as base64; with its header's column names. */
export interface ReadFile {
  fileName: string;
  format: ImportFormat;
  content: string;
  columns: string[];
}

const base64 = (buffer: ArrayBuffer): string => {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // in slices: String.fromCharCode takes so many arguments at most
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export const formatOf = (fileName: string): ImportFormat | null =>
  /\.xlsx$/i.test(fileName) ? 'xlsx' : /\.(csv|txt)$/i.test(fileName) ? 'csv' : null;

/** Reads the file in the browser; null for a file that is neither CSV nor XLSX. */
export const readImportFile = async (file: File): Promise<ReadFile | null> => {
  const format = formatOf(file.name);
  if (format === 'csv') {
    const content = await file.text();
    return { fileName: file.name, format, content, columns: csvColumns(content) };
  }
  if (format === 'xlsx') {
    const buffer = await file.arrayBuffer();
    const columns = await xlsxColumns(buffer).catch(() => []);
    return { fileName: file.name, format, content: base64(buffer), columns };
  }
  return null;
};
