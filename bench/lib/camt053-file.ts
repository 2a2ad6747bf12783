/**
 * A large, realistic camt.053 statement for the import benchmarks, written to disk as it is generated: one
 * account, one statement (header, opening and closing balances, summary), then `entries` incoming SEPA
 * credit transfers (PMNT-RCDT-ESCT) from Latvian payers, each paying `referenceFor(i)`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface Camt053FileOptions {
  entries: number;
  version: '001.02' | '001.08';
  /** what entry i (from 0) pays: an RF creditor reference goes into RmtInf/Strd, anything else into RmtInf/Ustrd */
  referenceFor(i: number): string;
  /** entry i's amount in cents; by default 5.00–204.99 EUR, varied */
  amountCentsFor?(i: number): number;
  accountIban?: string;
  statementId?: string;
  /** the booking day of every entry, YYYY-MM-DD */
  bookingDate?: string;
  /**
   * Indent the entries (pretty-printed, ~1.7 KB an entry). By default an element a line without indentation,
   * ~1 KB an entry: the size of real statements (100,000 entries ≈ 100 MB).
   */
  indent?: boolean;
}

export interface Camt053FileSummary {
  bytes: number;
  totalCents: number;
}

const DEBTORS = ['Jānis Bērziņš', 'Līga Ozoliņa', 'Andris Kalniņš', 'Ilze Zariņa', 'Pēteris Kļaviņš', 'Anna Šmite', 'SIA "Ēdoles nami"', 'Oļegs Ivanovs', 'Marija Gūtmane', 'Ģirts Ābele'];
const DEBTOR_BANKS = [
  { code: 'HABA', bic: 'HABALV22' },
  { code: 'UNLA', bic: 'UNLALV2X' },
  { code: 'PARX', bic: 'PARXLV22' },
  { code: 'RIKO', bic: 'RIKOLV2X' },
];

export async function writeCamt053File(path: string, options: Camt053FileOptions): Promise<Camt053FileSummary> {
  const { entries, version, referenceFor } = options;
  const amountFor = options.amountCentsFor ?? ((i: number) => 500 + ((i * 7919) % 20000));
  const accountIban = options.accountIban ?? 'LV97HABA0012345678910';
  const statementId = options.statementId ?? `STMT-BENCH-${entries}`;
  const day = options.bookingDate ?? '2026-03-31';

  let totalCents = 0;
  for (let i = 0; i < entries; i++) totalCents += amountFor(i);
  const openingCents = 1_000_000;

  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };

  await write(header(version, { statementId, accountIban, day, entries, openingCents, totalCents }));
  let batch = '';
  for (let i = 0; i < entries; i++) {
    const text = entry(version, i, amountFor(i), referenceFor(i), day);
    batch += options.indent ? text : text.replace(/\n +/g, '\n');
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch + '\n    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n');
  out.end();
  await once(out, 'finish');
  return { bytes, totalCents };
}

function header(
  version: '001.02' | '001.08',
  h: { statementId: string; accountIban: string; day: string; entries: number; openingCents: number; totalCents: number },
): string {
  const balance = (code: string, cents: number, date: string) => `      <Bal>
        <Tp>
          <CdOrPrtry>
            <Cd>${code}</Cd>
          </CdOrPrtry>
        </Tp>
        <Amt Ccy="EUR">${decimal(cents)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt>
          <Dt>${date}</Dt>
        </Dt>
      </Bal>
`;
  const previousDay = new Date(Date.parse(`${h.day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.${version}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>MSG-${h.statementId}</MsgId>
      <CreDtTm>${h.day}T23:10:00+03:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>${h.statementId}</Id>
      <ElctrncSeqNb>90</ElctrncSeqNb>
      <CreDtTm>${h.day}T23:10:00+03:00</CreDtTm>
      <FrToDt>
        <FrDtTm>${h.day}T00:00:00+03:00</FrDtTm>
        <ToDtTm>${h.day}T23:59:59+03:00</ToDtTm>
      </FrToDt>
      <Acct>
        <Id>
          <IBAN>${h.accountIban}</IBAN>
        </Id>
        <Ccy>EUR</Ccy>
        <Ownr>
          <Nm>AS "Utility Portal Demo"</Nm>
        </Ownr>
        <Svcr>
          <FinInstnId>
            <${version === '001.02' ? 'BIC' : 'BICFI'}>HABALV22</${version === '001.02' ? 'BIC' : 'BICFI'}>
          </FinInstnId>
        </Svcr>
      </Acct>
${balance('OPBD', h.openingCents, previousDay)}${balance('CLBD', h.openingCents + h.totalCents, h.day)}      <TxsSummry>
        <TtlNtries>
          <NbOfNtries>${h.entries}</NbOfNtries>
        </TtlNtries>
        <TtlCdtNtries>
          <NbOfNtries>${h.entries}</NbOfNtries>
          <Sum>${decimal(h.totalCents)}</Sum>
        </TtlCdtNtries>
      </TxsSummry>`;
}

function entry(version: '001.02' | '001.08', i: number, cents: number, reference: string, day: string): string {
  const amount = decimal(cents);
  const debtor = xmlText(DEBTORS[i % DEBTORS.length]);
  const bank = DEBTOR_BANKS[i % DEBTOR_BANKS.length];
  const bankReference = `${day.replaceAll('-', '')}${String(i + 1).padStart(10, '0')}`;
  const endToEnd = i % 3 === 0 ? 'NOTPROVIDED' : `E2E-${String(i * 31 + 7).padStart(12, '0')}`;
  const remittance = /^RF[0-9]{2}[0-9A-Z]+$/.test(reference)
    ? `              <Strd>
                <CdtrRefInf>
                  <Tp>
                    <CdOrPrtry>
                      <Cd>SCOR</Cd>
                    </CdOrPrtry>
                  </Tp>
                  <Ref>${reference}</Ref>
                </CdtrRefInf>
              </Strd>
`
    : `              <Ustrd>${xmlText(reference)}</Ustrd>
`;
  const v8 = version === '001.08';
  return `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>${v8 ? '\n          <Cd>BOOK</Cd>\n        ' : 'BOOK'}</Sts>
        <BookgDt>
          <Dt>${day}</Dt>
        </BookgDt>
        <ValDt>
          <Dt>${day}</Dt>
        </ValDt>
        <AcctSvcrRef>${bankReference}</AcctSvcrRef>
        <BkTxCd>
          <Domn>
            <Cd>PMNT</Cd>
            <Fmly>
              <Cd>RCDT</Cd>
              <SubFmlyCd>ESCT</SubFmlyCd>
            </Fmly>
          </Domn>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <AcctSvcrRef>${bankReference}</AcctSvcrRef>
              <EndToEndId>${endToEnd}</EndToEndId>
            </Refs>
${v8 ? `            <Amt Ccy="EUR">${amount}</Amt>\n            <CdtDbtInd>CRDT</CdtDbtInd>\n` : ''}            <AmtDtls>
              <TxAmt>
                <Amt Ccy="EUR">${amount}</Amt>
              </TxAmt>
            </AmtDtls>
            <RltdPties>
              <Dbtr>
${v8 ? `                <Pty>\n                  <Nm>${debtor}</Nm>\n                </Pty>\n` : `                <Nm>${debtor}</Nm>\n`}              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>${debtorIban(bank.code, i)}</IBAN>
                </Id>
              </DbtrAcct>
            </RltdPties>
            <RltdAgts>
              <DbtrAgt>
                <FinInstnId>
                  <${v8 ? 'BICFI' : 'BIC'}>${bank.bic}</${v8 ? 'BICFI' : 'BIC'}>
                </FinInstnId>
              </DbtrAgt>
            </RltdAgts>
            <RmtInf>
${remittance}            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>`;
}

function decimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function xmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

/** A Latvian IBAN with correct check digits: LV kk BANK + 13 digits. */
function debtorIban(bankCode: string, i: number): string {
  const account = String(1_000_000_000_000 + i * 7_919).slice(-13);
  const numeric = `${bankCode}${account}LV00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of numeric) rest = (rest * 10 + Number(digit)) % 97;
  return `LV${String(98 - rest).padStart(2, '0')}${bankCode}${account}`;
}
