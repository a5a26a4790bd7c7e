import { createHash } from 'node:crypto';
import type { SourceFile } from '../types';

/** A list file as read from disk or an upload: the name only helps format detection and reports. */
export interface InputFile {
  name: string;
  content: Buffer;
}

/** A list file that cannot be read (malformed CSV or XML); the message names the file and the line. */
export class ListFileError extends Error {}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function describe(role: string, file: InputFile): SourceFile {
  return { role, name: file.name, sha256: sha256(file.content) };
}
