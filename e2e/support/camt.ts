/**
 * A bank's ISO 20022 camt.053.001.08 statement with one booked credit (BOOK, CRDT) from Jānis Bērziņš' account paying
 * `cents` by the structured RF creditor reference, booked and valued on `day` — what the e2e tests and the README
 * screenshots import at POST /api/staff/payments/statements. `id` names the message, the statement and the bank's
 * entry reference (the import's key: the same id again is a duplicate).
 */
export function camt053Statement(options: { reference: string; cents: number; day: string; id: string; endToEndId?: string }): string {
  const { reference, cents, day, id } = options;
  const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${id}-MSG</MsgId><CreDtTm>${day}T07:00:00+02:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${id}-STMT</Id>
      <CreDtTm>${day}T07:00:00+02:00</CreDtTm>
      <FrToDt><FrDtTm>${day}T00:00:00+02:00</FrDtTm><ToDtTm>${day}T23:59:59+02:00</ToDtTm></FrToDt>
      <Acct><Id><IBAN>LV07HABA0000000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt>
        <ValDt><Dt>${day}</Dt></ValDt>
        <AcctSvcrRef>${id}-BANK-0001</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${options.endToEndId ?? 'NOTPROVIDED'}</EndToEndId></Refs>
          <RltdPties><Dbtr><Pty><Nm>Jānis Bērziņš</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${reference}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}
