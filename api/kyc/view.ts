import type { Prisma, PrismaClient } from '@prisma/client';
import { loadTaskViews, slaStateOf, userNames, type Viewer } from '../tasks/view';
import type { ReviewView } from './schemas';
import { cleanFileName } from './file-types';
import type { KycAttributes } from '../../workflows/kyc-review/workflow';

export const reviewInclude = {
  client: { select: { name: true, type: true, kycStatus: true, riskBand: true, nextReviewAt: true } },
} satisfies Prisma.CaseInclude;
export type ReviewRow = Prisma.CaseGetPayload<{ include: typeof reviewInclude }>;

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
const person = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? id } : null);

export async function toListView(prisma: PrismaClient, rows: ReviewRow[]): Promise<ReviewView[]> {
  const names = await userNames(
    prisma,
    rows.map((r) => r.assigneeId),
  );
  const now = new Date();
  return rows.map((c) => {
    const a = c.attributes as unknown as KycAttributes;
    return {
      id: c.id,
      reference: c.reference,
      kind: a.kind ?? null,
      client: {
        // a KYC review is always about a client
        id: c.clientId!,
        name: c.client!.name,
        type: c.client!.type,
        kycStatus: c.client!.kycStatus,
        riskBand: c.client!.riskBand,
        nextReviewAt: iso(c.client!.nextReviewAt),
      },
      status: c.status,
      state: c.state,
      riskBand: a.riskBand ?? null,
      priority: c.priority,
      assignee: person(c.assigneeId, names),
      dueAt: iso(c.dueAt),
      slaState: c.breachedAt ? 'breached' : slaStateOf(c, c.closedAt ?? now),
      openedAt: c.openedAt.toISOString(),
      closedAt: iso(c.closedAt),
      decision: a.decision ?? null,
      note: a.note ?? null,
      escalationLevel: c.escalationLevel,
    };
  });
}

/** Everything a reviewer sees on one review: tasks (with what the viewer may do), checks, risk breakdown, hits,
 * documents, messages. */
export async function toDetailView(prisma: PrismaClient, row: ReviewRow, viewer?: Viewer): Promise<ReviewView> {
  const [view] = await toListView(prisma, [row]);
  const caseId = row.id;
  const [tasks, checks, risk, hits, documents, messages, scheduled] = await Promise.all([
    loadTaskViews(prisma, { caseId }, { orderBy: { createdAt: 'asc' } }, viewer),
    prisma.kycCheckResult.findMany({ where: { caseId }, orderBy: [{ round: 'desc' }, { id: 'asc' }] }),
    prisma.riskAssessment.findFirst({ where: { caseId }, orderBy: [{ round: 'desc' }, { version: 'desc' }] }),
    prisma.screeningHit.findMany({ where: { caseId }, orderBy: [{ round: 'desc' }, { score: 'desc' }] }),
    prisma.kycDocument.findMany({ where: { caseId }, omit: { content: true }, orderBy: { uploadedAt: 'asc' } }),
    prisma.outboxMessage.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
    prisma.caseEvent.findFirst({ where: { caseId, type: 'periodic_review_scheduled' } }),
  ]);
  const latestRound = checks[0]?.round;
  const names = await userNames(prisma, [
    ...documents.map((d) => d.uploadedById),
    ...hits.map((h) => h.decidedById),
    risk?.overrideById ?? null,
  ]);
  const next = scheduled?.data as { caseId: string; startsAt: number } | undefined;
  return {
    ...view,
    tasks,
    checks: checks
      .filter((c) => c.round === latestRound)
      .map((c) => ({
        round: c.round,
        check: c.check,
        status: c.status,
        blocking: c.blocking,
        detail: c.detail,
        checkedAt: c.checkedAt.toISOString(),
      })),
    risk: risk && {
      round: risk.round,
      version: risk.version,
      score: risk.score,
      computedBand: risk.computedBand as 'low',
      band: risk.band as 'low',
      factors: risk.factors as { factor: string; value: unknown; points: number; note: string }[],
      floors: risk.floors as { band: string; reason: string }[],
      override: risk.overrideBand
        ? {
            band: risk.overrideBand,
            reason: risk.overrideReason ?? '',
            by: person(risk.overrideById, names)!,
            at: risk.overrideAt!.toISOString(),
          }
        : null,
      createdAt: risk.createdAt.toISOString(),
    },
    hits: hits.map((h) => ({
      id: h.id,
      round: h.round,
      subject: h.subject,
      subjectRole: h.subjectRole,
      list: h.list,
      entryId: h.entryId,
      entryName: h.entryName,
      matchedName: h.matchedName,
      score: h.score,
      explanation: h.explanation,
      decision: h.decision,
      reason: h.reason,
      decidedBy: person(h.decidedById, names),
      decidedAt: iso(h.decidedAt),
    })),
    documents: documents.map((d) => documentView(d, names)),
    messages: messages.map((m) => ({
      id: m.id,
      template: m.template,
      subject: m.subject,
      recipient: m.recipient,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
    nextReview: next ? { caseId: next.caseId, startsAt: new Date(next.startsAt).toISOString() } : null,
  };
}

type DocumentRow = Omit<Prisma.KycDocumentGetPayload<object>, 'content'>;
const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

export function documentView(d: DocumentRow, names: Map<string, string>) {
  return {
    id: d.id,
    kind: d.kind,
    docType: d.docType,
    fileName: cleanFileName(d.fileName),
    mimeType: d.mimeType,
    size: d.size,
    sha256: d.sha256,
    number: d.number,
    country: d.country,
    issuedAt: day(d.issuedAt),
    expiresAt: day(d.expiresAt),
    mrz: d.mrz,
    uploadedBy: person(d.uploadedById, names)!,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}
