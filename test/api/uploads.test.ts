// KYC uploads: the declared type, the name's extension and the content's signature agree; names keep no
// control or bidirectional characters; the download names the file safely.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';

let stack: Stack;
let kyc1: ApiClient;
let reviewId: string;

beforeAll(async () => {
  stack = await startStack();
  kyc1 = await ApiClient.login(stack.url, 'kyc1@example.com');
  const review = await kyc1.post('/api/kyc-reviews', { clientId: 'c-1001' });
  expect(review.status).toBe(201);
  reviewId = review.body.id;
});
afterAll(() => stack?.stop());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
const fields = (res: { body: { error: { fields: { path: string; message: string }[] } } }) =>
  Object.fromEntries(res.body.error.fields.map((f) => [f.path, f.message]));

async function upload(content: Buffer, contentType: string, query: Record<string, string>) {
  const res = await fetch(`${stack.url}/api/kyc-reviews/${reviewId}/documents?${new URLSearchParams({ kind: 'identity', ...query })}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${kyc1.bearer}`, 'content-type': contentType },
    body: new Uint8Array(content),
  });
  return { status: res.status, body: await res.json() };
}

const download = (docId: string) =>
  fetch(`${stack.url}/api/kyc-reviews/${reviewId}/documents/${docId}`, { headers: { authorization: `Bearer ${kyc1.bearer}` } });

describe('document uploads', () => {
  it('refuses a file whose name does not fit its type, whatever the content', async () => {
    const before = await stack.db.prisma.kycDocument.count();
    const html = await upload(PDF, 'application/pdf', { fileName: 'x.html' });
    expect(html.status).toBe(400);
    expect(fields(html)['query.fileName']).toMatch(/\.pdf/);
    // the right-to-left override hid "exe": without it the name ends in .exe
    const rlo = await upload(PDF, 'application/pdf', { fileName: 'invoice\u202Efdp.exe' });
    expect(rlo.status).toBe(400);
    expect(Object.keys(fields(rlo))).toEqual(['query.fileName']);
    const noExt = await upload(JPEG, 'image/jpeg', { fileName: 'scan' });
    expect(noExt.status).toBe(400);
    const pngNamedPdf = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'application/pdf', {
      fileName: 'a.pdf',
    });
    expect(pngNamedPdf.status).toBe(400);
    expect(Object.keys(fields(pngNamedPdf))).toEqual(['body']);
    expect(await stack.db.prisma.kycDocument.count()).toBe(before);
  });

  it('accepts any case of an allowed extension', async () => {
    const res = await upload(JPEG, 'image/jpeg', { fileName: 'Photo.JPEG' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'Photo.JPEG', mimeType: 'image/jpeg' });
  });

  it('stores and returns the name without control or bidirectional characters', async () => {
    const res = await upload(PDF, 'application/pdf', { fileName: 'scan\u202E\u2066 2024\u0007\u200F.pdf' });
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('scan 2024.pdf');
    const row = await stack.db.prisma.kycDocument.findUniqueOrThrow({ where: { id: res.body.id }, select: { fileName: true } });
    expect(row.fileName).toBe('scan 2024.pdf');
    const got = await download(res.body.id);
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="scan 2024.pdf"');
    expect(got.headers.get('content-type')).toBe('application/pdf');
  });

  it('cleans names stored before, and quotes names safely on download', async () => {
    const res = await upload(PDF, 'application/pdf', { fileName: 'паспорт "копия".pdf' });
    expect(res.status).toBe(201);
    const header = (await download(res.body.id)).headers.get('content-disposition')!;
    // an ASCII fallback with the quotes escaped, and the exact name as RFC 8187 UTF-8
    expect(header.startsWith('attachment; filename="??????? \\"?????\\".pdf"; ')).toBe(true);
    expect(decodeURIComponent(header.match(/filename\*=UTF-8''(\S+)$/)![1])).toBe('паспорт "копия".pdf');
    await stack.db.prisma.kycDocument.update({ where: { id: res.body.id }, data: { fileName: 'old\u202Efdp.exe' } });
    const detail = await kyc1.get(`/api/kyc-reviews/${reviewId}`);
    expect(detail.body.documents.find((d: { id: string }) => d.id === res.body.id).fileName).toBe('oldfdp.exe');
    expect((await download(res.body.id)).headers.get('content-disposition')).toBe('attachment; filename=oldfdp.exe');
  });

  it('refuses an issue date in year 0000 as a field error', async () => {
    const res = await upload(PDF, 'application/pdf', { fileName: 'bill.pdf', issuedAt: '0000-01-01', expiresAt: '2200-12-31' });
    expect(res.status).toBe(400);
    expect(Object.keys(fields(res))).toEqual(['query.issuedAt']);
  });
});
