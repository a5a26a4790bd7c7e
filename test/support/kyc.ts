// Drives KYC review workflows for workflow and API tests: sanctions lists, documents, task work.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { parseListFiles } from '../../platform/screening/detect';
import { REFERENCE_LIST_FILES, REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';
import { importList } from '../../platform/screening/store';
import { claimTaskUpdate, completeTaskUpdate, registerCaseUpdate } from '../../workflows/engine/updates';
import type { KycReviewInput, kycReviewWorkflow } from '../../workflows/kyc-review/workflow';
import { checkDigit } from '../../workflows/kyc-review/mrz';
import type { Actor, TaskOutcome } from '../../workflows/engine/types';
import { CASE_START_MEMO } from '../../workflows/engine/case-type';
import { activeTask, staff } from './cases';

export const KYC1 = staff('u-kyc1', 'kyc_officer');
export const KYC2 = staff('u-kyc2', 'kyc_officer');
export const SENIOR = staff('u-senior', 'senior_compliance_officer');
export const SENIOR2 = staff('u-senior2', 'senior_compliance_officer');

// The issuers' real list files, shipped in reference/sanctions/.
const SANCTIONS_DIR = REFERENCE_SANCTIONS_DIR;
const LIST_FILES = REFERENCE_LIST_FILES;

/** Imports OFAC SDN, OFAC consolidated and UN lists with the screening engine's own import. */
export async function importSanctionLists(prisma: PrismaClient): Promise<void> {
  const lists = parseListFiles(LIST_FILES.map((name) => ({ name, content: readFileSync(path.join(SANCTIONS_DIR, name)) })));
  for (const list of lists) await importList(prisma, list);
}

export async function startReview(temporal: Client, taskQueue: string, over: Partial<KycReviewInput> & { clientId: string }) {
  const caseId = randomUUID();
  const workflowId = `kyc-review-${caseId}`;
  await temporal.workflow.executeUpdateWithStart(registerCaseUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof kycReviewWorkflow>('kycReviewWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'FAIL',
      // as every starter in the product: the engine generation, so the case takes no patch markers
      memo: CASE_START_MEMO,
      args: [{ caseId, kind: 'onboarding', openedBy: KYC1, ...over }],
    }),
  });
  return { caseId, workflowId };
}

export async function work(temporal: Client, prisma: PrismaClient, caseId: string, actor: Actor, outcome: TaskOutcome, step: string) {
  const task = await activeTask(prisma, caseId, step);
  const handle = temporal.workflow.getHandle(`kyc-review-${caseId}`);
  await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.id, actor }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor, outcome }] });
  return task;
}

const pad = (s: string, n: number) => (s + '<'.repeat(n)).slice(0, n);
const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

/** A TD3 MRZ with correct check digits for the given passport. */
export function td3(p: {
  surname: string;
  given: string;
  number: string;
  nationality: string;
  birth: string;
  sex: 'M' | 'F';
  expiry: string;
}): string {
  const l1 = pad(`P<${pad(p.nationality, 3)}${p.surname.toUpperCase()}<<${p.given.toUpperCase().replace(/ /g, '<')}`, 44);
  const num = pad(p.number, 9);
  const parts = [
    num + checkDigit(num),
    pad(p.nationality, 3),
    yymmdd(p.birth) + checkDigit(yymmdd(p.birth)),
    p.sex,
    yymmdd(p.expiry) + checkDigit(yymmdd(p.expiry)),
  ];
  const personal = '<'.repeat(14);
  const body = parts.join('') + personal + '<';
  const composite = body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43);
  return `${l1}\n${body}${checkDigit(composite)}`;
}

const PDF = Buffer.from('%PDF-1.4\n%test document\n%%EOF\n');

/** Uploads what a complete individual file needs: a passport with its MRZ and a recent proof of address. */
export async function addDocuments(
  prisma: PrismaClient,
  caseId: string,
  clientId: string,
  passport: { surname: string; given: string; number: string; nationality: string; birth: string; expiry: string; sex?: 'M' | 'F' },
) {
  const common = {
    caseId,
    clientId,
    mimeType: 'application/pdf',
    size: PDF.length,
    sha256: createHash('sha256').update(PDF).digest('hex'),
    content: PDF,
    uploadedById: KYC1.id,
  };
  await prisma.kycDocument.createMany({
    data: [
      {
        ...common,
        kind: 'identity',
        docType: 'passport',
        fileName: 'passport.pdf',
        number: passport.number,
        country: 'GB',
        expiresAt: new Date(passport.expiry),
        mrz: td3({ sex: 'F', ...passport }),
      },
      {
        ...common,
        kind: 'proof_of_address',
        docType: 'utility_bill',
        fileName: 'bill.pdf',
        issuedAt: new Date(Date.now() - 10 * 86_400_000),
      },
    ],
  });
}
