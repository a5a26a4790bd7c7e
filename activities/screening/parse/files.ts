import { createHash } from 'node:crypto';
import type { SourceFile } from '../types';

/** A list file as read from disk or an upload: the name only helps format detection and reports. */
export interface InputFile {
  name: string;
  content: Buffer;
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function describe(role: string, file: InputFile): SourceFile {
  return { role, name: file.name, sha256: sha256(file.content) };
}

export function text(file: InputFile): string {
  return file.content.toString('utf8').replace(/^\uFEFF/, '');
}
