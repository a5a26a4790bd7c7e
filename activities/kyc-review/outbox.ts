import type { PrismaClient } from '@prisma/client';

// Messages to clients are rows in outbox_messages; delivery is a mailer's job (not part of the product yet).
// Client-facing text is English for now: the client's language is not recorded.

export const OUTBOX_TEMPLATES = ['kyc_information_request', 'kyc_reminder', 'kyc_suspended'] as const;
export type OutboxTemplate = (typeof OUTBOX_TEMPLATES)[number];

function compose(template: OutboxTemplate, name: string, data: Record<string, unknown>): { subject: string; body: string } {
  const request = String(data.request ?? '');
  switch (template) {
    case 'kyc_information_request':
      return {
        subject: 'We need some information to complete your account review',
        body: `Dear ${name},\n\nTo complete the review of your account we need the following:\n\n${request}\n\nPlease reply to this e-mail or upload the documents in your client area.`,
      };
    case 'kyc_reminder':
      return {
        subject: `Reminder ${data.reminder}: information needed for your account review`,
        body: `Dear ${name},\n\nWe are still waiting for the following:\n\n${request}\n\nWithout it we will have to put your account on hold.`,
      };
    case 'kyc_suspended':
      return {
        subject: 'Your account review is on hold',
        body: `Dear ${name},\n\nWe have not received the information we asked for, so your account review is on hold and your account is restricted. Send us the information at any time to resume it.`,
      };
  }
}

/** One message per key: a retried activity writes nothing twice. */
export async function writeOutbox(
  prisma: PrismaClient,
  m: { key: string; caseId: string; clientId: string; template: OutboxTemplate; data: Record<string, unknown> },
): Promise<void> {
  const client = await prisma.client.findUniqueOrThrow({ where: { id: m.clientId } });
  const { subject, body } = compose(m.template, client.name, m.data);
  await prisma.outboxMessage.upsert({
    where: { id: m.key },
    create: {
      id: m.key,
      caseId: m.caseId,
      clientId: m.clientId,
      recipient: client.email ?? '',
      template: m.template,
      subject,
      body,
      data: m.data as object,
    },
    update: {},
  });
}
