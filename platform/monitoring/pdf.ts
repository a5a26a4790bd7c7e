// The evidence pack as a PDF (pdfkit). The standard PDF fonts cover Latin-1 only: other scripts are
// written transliterated to Latin (the screening normaliser's transliteration); the JSON pack keeps the
// exact text.
import PDFDocument from 'pdfkit';
import { transliterateWord } from '../screening/text/translit';
import type { EvidencePack } from './sar';

const latin1 = (s: unknown): string => {
  const text = String(s ?? '');
  if (/^[\u0000-\u00ff]*$/.test(text)) return text;
  const latin = text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (/^[\u0000-\u00ff]*$/.test(word)) return word;
    const bare = word.normalize('NFD').replace(/\p{M}/gu, '');
    return /^[\u0000-\u00ff]*$/.test(bare)
      ? bare
      : transliterateWord(bare, true)
          .map((w) => w.text)
          .join(' ');
  });
  return latin.replace(/[^\u0000-\u00ff]/g, '?');
};

export function renderEvidencePdf(pack: EvidencePack): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Evidence pack ${pack.case.reference}`, Author: 'Broker CRM', CreationDate: new Date(pack.generatedAt) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const h = (t: string) =>
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(latin1(t)).font('Helvetica').fontSize(9.5).moveDown(0.3);
  const kv = (k: string, v: unknown) =>
    doc
      .font('Helvetica-Bold')
      .text(`${k}: `, { continued: true })
      .font('Helvetica')
      .text(latin1(v ?? '-'));

  doc
    .font('Helvetica-Bold')
    .fontSize(17)
    .text(latin1(`Suspicious activity report: evidence pack ${pack.case.reference}`));
  doc.font('Helvetica').fontSize(9).fillColor('#555').text(`Generated ${pack.generatedAt}`).fillColor('black');
  h('Case');
  kv('Reference', pack.case.reference);
  kv('State', `${pack.case.state} (${pack.case.status})`);
  kv('Opened', pack.case.openedAt.toISOString());
  kv('Closed', pack.case.closedAt?.toISOString() ?? '-');
  h('Client');
  kv('Name', pack.client.name);
  kv('Client id', pack.client.id);
  kv('Type / country', `${pack.client.type} / ${pack.client.country ?? '-'}`);
  kv('Risk band / KYC', `${pack.client.riskBand ?? '-'} / ${pack.client.kycStatus}`);
  if (pack.client.declared)
    kv(
      'Declared',
      `income ${pack.client.declared.declaredIncome ?? '-'}, expected deposits ${pack.client.declared.expectedDeposits ?? '-'} a year`,
    );
  h('Report');
  if (pack.report) {
    kv('Status', pack.report.status);
    kv('Filing reference', pack.report.filingReference);
    doc.moveDown(0.3).text(latin1(pack.report.narrative));
  } else doc.text('No report (the case was not escalated).');
  h(`Alerts (${pack.alerts.length})`);
  for (const a of pack.alerts) {
    const e = a.evidence as { redFlag?: string; aggregates?: unknown; thresholds?: unknown };
    doc.font('Helvetica-Bold').text(latin1(`${a.scenario} v${a.scenarioVersion}, ${a.createdAt.toISOString().slice(0, 10)}, ${a.status}`));
    doc.font('Helvetica').text(latin1(e.redFlag ?? ''));
    doc
      .fillColor('#333')
      .text(latin1(`Found: ${JSON.stringify(e.aggregates)}`))
      .text(latin1(`Thresholds: ${JSON.stringify(e.thresholds)}`))
      .fillColor('black')
      .moveDown(0.3);
  }
  h(`Transactions (${pack.transactions.length})`);
  for (const t of pack.transactions as Record<string, unknown>[]) {
    doc.text(
      latin1(
        `${String(t.bookedAt ?? '').slice(0, 19)}  ${t.type} ${t.method ?? ''}  ${t.amount} ${t.currency} (USD ${t.usdAmount})  ${t.counterpartyName ?? ''} ${t.counterpartyCountry ?? ''}  [${t.source}/${t.externalId}]`,
      ),
    );
  }
  h('Timeline');
  const names = new Map(pack.people.map((p) => [p.id, p.name]));
  for (const e of pack.timeline)
    doc.text(latin1(`${e.at.toISOString().slice(0, 19)}  ${e.type}  ${e.actorId ? (names.get(e.actorId) ?? e.actorId) : 'system'}`));
  if (pack.report) {
    h('Approvals');
    kv('Prepared by', pack.report.preparedById ? (names.get(pack.report.preparedById) ?? pack.report.preparedById) : '-');
    kv(
      'Approved by',
      pack.report.approvedById
        ? `${names.get(pack.report.approvedById) ?? pack.report.approvedById} at ${pack.report.approvedAt?.toISOString()}`
        : '-',
    );
    kv(
      'Filed by',
      pack.report.filedById ? `${names.get(pack.report.filedById) ?? pack.report.filedById} at ${pack.report.filedAt?.toISOString()}` : '-',
    );
  }
  doc.end();
  return done;
}
