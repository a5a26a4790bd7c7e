import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { waitFor } from '../support/cases';

let stack: Stack;
let kyc1: ApiClient;
let senior: ApiClient;
let agent: ApiClient;
let shanghaiAgent: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [kyc1, senior, agent, shanghaiAgent] = await Promise.all(
    ['kyc1@example.com', 'senior@example.com', 'agent1@example.com', 'li.wei@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const fields = (res: { body: { error: { fields: { path: string; message: string }[] } } }) =>
  Object.fromEntries(res.body.error.fields.map((f) => [f.path, f.message]));

async function upload(client: ApiClient, reviewId: string, content: Buffer, contentType: string | null, query: Record<string, string>) {
  const res = await fetch(`${stack.url}/api/kyc-reviews/${reviewId}/documents?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${client.bearer}`, ...(contentType ? { 'content-type': contentType } : {}) },
    body: new Uint8Array(content),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('KYC reviews over HTTP', () => {
  let reviewId: string;
  let documentId: string;

  it('starts a review for KYC staff only, with field errors, and refuses a second open review of the same client', async () => {
    expect((await agent.post('/api/kyc-reviews', { clientId: 'c-1001' })).status).toBe(403);
    const bad = await kyc1.post('/api/kyc-reviews', {
      clientId: 'c-1001',
      kind: 'yearly',
      profile: { nationality: 'England', eddFlags: ['rich'] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(fields(bad)).sort()).toEqual(['body.kind', 'body.profile.eddFlags.0', 'body.profile.nationality']);
    expect((await kyc1.post('/api/kyc-reviews', { clientId: 'c-2001' })).status).toBe(400);

    const res = await kyc1.post('/api/kyc-reviews', {
      clientId: 'c-1001',
      note: 'Onboarding',
      profile: { occupation: 'employee', pep: false },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'collect_documents',
      status: 'open',
      kind: 'onboarding',
      client: { id: 'c-1001', kycStatus: 'in_review' },
    });
    expect(res.body.tasks.map((t: { step: string }) => t.step)).toEqual(['collect_documents']);
    reviewId = res.body.id;
    const again = await kyc1.post('/api/kyc-reviews', { clientId: 'c-1001' });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('KYC_REVIEW_OPEN');
    const profileAudit = await stack.db.prisma.auditEvent.findFirst({ where: { action: 'kyc_profile_updated', entityId: 'c-1001' } });
    expect(profileAudit?.data).toEqual({ fields: ['occupation', 'pep'] });
  });

  it('refuses documents of the wrong type, too large or not what they claim, naming the field', async () => {
    const meta = { kind: 'identity', fileName: 'passport.pdf' };
    const noType = await upload(kyc1, reviewId, PDF, 'text/plain', meta);
    expect(noType.status).toBe(400);
    expect(fields(noType)['headers.content-type']).toMatch(/application\/pdf/);

    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(kyc1, reviewId, big, 'application/pdf', meta);
    expect(tooBig.status).toBe(413);
    expect(fields(tooBig).body).toMatch(/10 MB/);

    const fake = await upload(kyc1, reviewId, PDF, 'image/png', { ...meta, fileName: 'passport.png' });
    expect(fake.status).toBe(400);
    expect(fields(fake).body).toMatch(/not a image\/png/);

    const noKind = await upload(kyc1, reviewId, PDF, 'application/pdf', { fileName: '../etc/passwd', expiresAt: '2031-02-30' });
    expect(noKind.status).toBe(400);
    expect(Object.keys(fields(noKind)).sort()).toEqual(['query.expiresAt', 'query.fileName', 'query.kind']);
    expect(await stack.db.prisma.kycDocument.count({ where: { caseId: reviewId } })).toBe(0);
  });

  it('stores an upload with its SHA-256 and size, lists its metadata and timeline event, and lets KYC staff download it', async () => {
    const res = await upload(kyc1, reviewId, PDF, 'application/pdf', {
      kind: 'identity',
      fileName: 'passport.pdf',
      docType: 'passport',
      number: 'L898902C3',
      expiresAt: '2031-01-01',
    });
    expect(res.status).toBe(201);
    const sha = createHash('sha256').update(PDF).digest('hex');
    expect(res.body).toMatchObject({
      kind: 'identity',
      sha256: sha,
      size: PDF.length,
      mimeType: 'application/pdf',
      uploadedBy: { id: 'u-kyc1' },
      expiresAt: '2031-01-01',
    });
    documentId = res.body.id;
    const row = await stack.db.prisma.kycDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(row.sha256).toBe(sha);
    expect(Buffer.from(row.content).equals(PDF)).toBe(true);

    const detail = await kyc1.get(`/api/kyc-reviews/${reviewId}`);
    expect(detail.body.documents).toHaveLength(1);
    expect(detail.body.documents[0]).not.toHaveProperty('content');
    const timeline = await kyc1.get(`/api/kyc-reviews/${reviewId}/timeline`);
    expect(timeline.body.map((e: { type: string }) => e.type)).toContain('document_uploaded');

    const download = await fetch(`${stack.url}/api/kyc-reviews/${reviewId}/documents/${documentId}`, {
      headers: { authorization: `Bearer ${senior.bearer}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-sha256')).toBe(sha);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect(
      await stack.db.prisma.auditEvent.count({ where: { action: 'kyc_document_downloaded', entityId: documentId, actorId: 'u-senior' } }),
    ).toBe(1);
  });

  it('shows an agent the KYC status but not the review or its documents', async () => {
    const download = await agent.get(`/api/kyc-reviews/${reviewId}/documents/${documentId}`);
    expect(download.status).toBe(403);
    expect((await agent.get(`/api/kyc-reviews/${reviewId}`)).status).toBe(403);
    expect((await agent.get('/api/clients/c-1001/kyc-profile')).status).toBe(403);
    const status = await agent.get('/api/clients/c-1001/kyc');
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      clientId: 'c-1001',
      kycStatus: 'in_review',
      riskBand: null,
      nextReviewAt: null,
      openReview: { id: reviewId, state: 'collect_documents', status: 'open' },
    });
    expect((await shanghaiAgent.get('/api/clients/c-1001/kyc')).status).toBe(404);
  });

  it('needs a reason for a risk override, and a step where the band exists', async () => {
    const noReason = await kyc1.post(`/api/kyc-reviews/${reviewId}/risk-override`, { band: 'high', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(Object.keys(fields(noReason))).toEqual(['body.reason']);
    const tooEarly = await kyc1.post(`/api/kyc-reviews/${reviewId}/risk-override`, { band: 'high', reason: 'Adverse media' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.reason).toBe('NOT_OVERRIDABLE');
  });

  it('works the review through the task inbox: checks run, unscreened clients cannot be approved, the override is audited', async () => {
    await upload(kyc1, reviewId, PDF, 'application/pdf', {
      kind: 'proof_of_address',
      fileName: 'bill.pdf',
      issuedAt: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
    });
    const queue = await kyc1.get(`/api/tasks?view=team&filter=${encodeURIComponent(JSON.stringify({ caseId: reviewId }))}`);
    const collect = queue.body[0];
    expect(collect).toMatchObject({ caseType: 'kyc_review', step: 'collect_documents' });
    expect((await kyc1.get(taskPath(collect.id))).body.form).not.toBeNull();
    expect((await kyc1.post(taskPath(collect.id, 'claim'))).status).toBe(200);
    expect((await kyc1.post(taskPath(collect.id, 'complete'), { outcome: 'request_information' })).status).toBe(400);
    expect((await kyc1.post(taskPath(collect.id, 'complete'), { outcome: 'documents_complete' })).status).toBe(200);

    const review = await waitFor(async () => {
      const r = await kyc1.get(`/api/kyc-reviews/${reviewId}`);
      return r.body.tasks.some((t: { step: string }) => t.step === 'cdd_review') && r.body;
    }, 'CDD review task');
    // no sanctions list was imported into this database: the check fails and blocks approval
    const checks = Object.fromEntries(review.checks.map((c: { check: string; status: string }) => [c.check, c.status]));
    expect(checks).toMatchObject({ sanctions: 'fail', documents_required: 'pass', passport_mrz: 'warn', document_expiry: 'pass' });
    expect(review.risk.factors.map((f: { factor: string }) => f.factor)).toContain('residence');
    expect(review.risk.band).toBe(review.riskBand);
    const cdd = review.tasks.find((t: { step: string; status: string }) => t.step === 'cdd_review' && t.status === 'open');
    // the step offers no approval, and its form shows none
    expect(cdd.outcomes).toEqual(['rejected', 'request_information']);
    const offered = (await kyc1.get(taskPath(cdd.id))).body.form as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect(JSON.stringify(offered)).not.toContain('"approved"');
    expect(JSON.stringify(offered)).toContain('"rejected"');
    await kyc1.post(taskPath(cdd.id, 'claim'));
    const approve = await kyc1.post(taskPath(cdd.id, 'complete'), { outcome: 'approved' });
    expect(approve.status).toBe(409);
    expect(approve.body.error.reason).toBe('OUTCOME_NOT_ALLOWED');

    const overridden = await senior.post(`/api/kyc-reviews/${reviewId}/risk-override`, {
      band: 'critical',
      reason: 'Client refused to explain deposits',
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.risk.override).toMatchObject({
      band: 'critical',
      reason: 'Client refused to explain deposits',
      by: { id: 'u-senior' },
    });
    await waitFor(async () => (await kyc1.get(`/api/kyc-reviews/${reviewId}`)).body.state === 'edd', 'moved to EDD');
    expect(await stack.db.prisma.auditEvent.count({ where: { action: 'kyc_risk_overridden', entityId: reviewId } })).toBe(1);

    const dashboard = await senior.get('/api/dashboard/compliance');
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.byStep.filter((r: { state: string }) => r.state === 'edd').length).toBeGreaterThan(0);
    expect((await agent.get('/api/dashboard/compliance')).status).toBe(403);
  });
});
