import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CamtFormatError, parseXmlElement, readCamt053, type CamtItem, type CamtTransaction, type XmlElement } from './camt053-reader.js';

/** A camt.053.001.02 statement as Swedbank sends it: one day, six entries. */
const STATEMENT_V02 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>HABA20260401061522000123</MsgId>
      <CreDtTm>2026-04-01T06:15:22</CreDtTm>
      <MsgPgntn>
        <PgNb>1</PgNb>
        <LastPgInd>true</LastPgInd>
      </MsgPgntn>
    </GrpHdr>
    <Stmt>
      <Id>LV97HABA0012345678910-20260331</Id>
      <ElctrncSeqNb>90</ElctrncSeqNb>
      <CreDtTm>2026-04-01T06:15:22</CreDtTm>
      <FrToDt>
        <FrDtTm>2026-03-31T00:00:00</FrDtTm>
        <ToDtTm>2026-03-31T23:59:59</ToDtTm>
      </FrToDt>
      <Acct>
        <Id>
          <IBAN>LV97HABA0012345678910</IBAN>
        </Id>
        <Ccy>EUR</Ccy>
        <Ownr>
          <Nm>AS &quot;Utility Portal Demo&quot;</Nm>
        </Ownr>
        <Svcr>
          <FinInstnId>
            <BIC>HABALV22</BIC>
          </FinInstnId>
        </Svcr>
      </Acct>
      <Bal>
        <Tp>
          <CdOrPrtry>
            <Cd>OPBD</Cd>
          </CdOrPrtry>
        </Tp>
        <Amt Ccy="EUR">15200.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt>
          <Dt>2026-03-30</Dt>
        </Dt>
      </Bal>
      <Bal>
        <Tp>
          <CdOrPrtry>
            <Cd>CLBD</Cd>
          </CdOrPrtry>
        </Tp>
        <Amt Ccy="EUR">12360678.40</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt>
          <Dt>2026-03-31</Dt>
        </Dt>
      </Bal>
      <TxsSummry>
        <TtlNtries>
          <NbOfNtries>5</NbOfNtries>
        </TtlNtries>
      </TxsSummry>
      <Ntry>
        <NtryRef>000001</NtryRef>
        <Amt Ccy="EUR">100.10</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>2026033100012345</AcctSvcrRef>
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
              <EndToEndId>E2E-20260331-7781</EndToEndId>
            </Refs>
            <AmtDtls>
              <TxAmt>
                <Amt Ccy="EUR">100.10</Amt>
              </TxAmt>
            </AmtDtls>
            <RltdPties>
              <Dbtr>
                <Nm>Jānis Bērziņš</Nm>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV80BANK0000435195001</IBAN>
                </Id>
              </DbtrAcct>
              <Cdtr>
                <Nm>AS Utility Portal Demo</Nm>
              </Cdtr>
            </RltdPties>
            <RltdAgts>
              <DbtrAgt>
                <FinInstnId>
                  <BIC>HABALV22</BIC>
                </FinInstnId>
              </DbtrAgt>
            </RltdAgts>
            <RmtInf>
              <Strd>
                <CdtrRefInf>
                  <Tp>
                    <CdOrPrtry>
                      <Cd>SCOR</Cd>
                    </CdOrPrtry>
                    <Issr>ISO</Issr>
                  </Tp>
                  <Ref>RF18539007547034</Ref>
                </CdtrRefInf>
              </Strd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>000002</NtryRef>
        <Amt Ccy="EUR">0.01</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>2026033100012346</AcctSvcrRef>
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
              <EndToEndId>NOTPROVIDED</EndToEndId>
            </Refs>
            <RltdPties>
              <Dbtr>
                <Nm>SIA &quot;Ēdoles nami&quot; &amp; partneri</Nm>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV10UNLA0050012345678</IBAN>
                </Id>
              </DbtrAcct>
            </RltdPties>
            <RmtInf>
              <Ustrd>Rēķins Nr. 2026-000123</Ustrd>
              <Ustrd>līgums E-00045</Ustrd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>000003</NtryRef>
        <Amt Ccy="EUR">12345678.90</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>2026033100012347</AcctSvcrRef>
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
          <Btch>
            <NbOfTxs>3</NbOfTxs>
            <TtlAmt Ccy="EUR">12345678.90</TtlAmt>
            <CdtDbtInd>CRDT</CdtDbtInd>
          </Btch>
          <TxDtls>
            <Refs>
              <EndToEndId>BATCH-20260331-1</EndToEndId>
            </Refs>
            <AmtDtls>
              <TxAmt>
                <Amt Ccy="EUR">1000.00</Amt>
              </TxAmt>
            </AmtDtls>
            <RltdPties>
              <Dbtr>
                <Nm>Ilze Zariņa</Nm>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV36RIKO0002013456789</IBAN>
                </Id>
              </DbtrAcct>
            </RltdPties>
            <RmtInf>
              <Strd>
                <CdtrRefInf>
                  <Ref>RF712026000101</Ref>
                </CdtrRefInf>
              </Strd>
            </RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs>
              <AcctSvcrRef>2026033100012347-2</AcctSvcrRef>
              <EndToEndId>BATCH-20260331-2</EndToEndId>
            </Refs>
            <AmtDtls>
              <TxAmt>
                <Amt Ccy="EUR">2345.67</Amt>
              </TxAmt>
            </AmtDtls>
            <RltdPties>
              <Dbtr>
                <Nm>Pēteris Kļaviņš</Nm>
              </Dbtr>
            </RltdPties>
          </TxDtls>
          <TxDtls>
            <Refs>
              <EndToEndId>BATCH-20260331-3</EndToEndId>
            </Refs>
            <AmtDtls>
              <TxAmt>
                <Amt Ccy="EUR">12342333.23</Amt>
              </TxAmt>
            </AmtDtls>
            <RltdPties>
              <Dbtr>
                <Nm>VAS &quot;Valsts nekustamie īpašumi&quot;</Nm>
              </Dbtr>
            </RltdPties>
            <RmtInf>
              <Ustrd>Avansa maksājums 2026. gada 2. ceturksnim</Ustrd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>000004</NtryRef>
        <Amt Ccy="EUR">250.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>2026033100012348</AcctSvcrRef>
        <BkTxCd>
          <Domn>
            <Cd>PMNT</Cd>
            <Fmly>
              <Cd>ICDT</Cd>
              <SubFmlyCd>ESCT</SubFmlyCd>
            </Fmly>
          </Domn>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <EndToEndId>UP-PAY-2026-0042</EndToEndId>
            </Refs>
            <RltdPties>
              <Dbtr>
                <Nm>AS Utility Portal Demo</Nm>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV97HABA0012345678910</IBAN>
                </Id>
              </DbtrAcct>
              <Cdtr>
                <Nm>SIA Skaitītāju Serviss</Nm>
              </Cdtr>
              <CdtrAcct>
                <Id>
                  <IBAN>LV55PARX0001234567890</IBAN>
                </Id>
              </CdtrAcct>
            </RltdPties>
            <RmtInf>
              <Ustrd>Rēķins 17/2026</Ustrd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>000005</NtryRef>
        <Amt Ccy="EUR">45.60</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <RvslInd>true</RvslInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>2026033100012349</AcctSvcrRef>
        <BkTxCd>
          <Domn>
            <Cd>PMNT</Cd>
            <Fmly>
              <Cd>RCDT</Cd>
              <SubFmlyCd>RRTN</SubFmlyCd>
            </Fmly>
          </Domn>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <EndToEndId>E2E-20260325-1102</EndToEndId>
            </Refs>
            <RltdPties>
              <Dbtr>
                <Nm>Andris Kalniņš</Nm>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV21HABA0551002345678</IBAN>
                </Id>
              </DbtrAcct>
              <Cdtr>
                <Nm>AS Utility Portal Demo</Nm>
              </Cdtr>
            </RltdPties>
            <RtrInf>
              <Rsn>
                <Cd>AC04</Cd>
              </Rsn>
              <AddtlInf>Account closed</AddtlInf>
            </RtrInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>PDNG-77</NtryRef>
        <Amt Ccy="EUR">12.34</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>PDNG</Sts>
        <ValDt>
          <Dt>2026-04-01</Dt>
        </ValDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;

/** A camt.053.001.08 statement as Citadele and Luminor send it (Sts/Cd, Dbtr/Pty, TxDtls/Amt, BICFI). */
const STATEMENT_V08 = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>PARX-STMT-0000981</MsgId>
      <CreDtTm>2026-04-01T02:00:05+03:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>0000981</Id>
      <StmtPgntn>
        <PgNb>1</PgNb>
        <LastPgInd>true</LastPgInd>
      </StmtPgntn>
      <ElctrncSeqNb>981</ElctrncSeqNb>
      <CreDtTm>2026-04-01T02:00:05+03:00</CreDtTm>
      <FrToDt>
        <FrDtTm>2026-03-31T00:00:00+03:00</FrDtTm>
        <ToDtTm>2026-03-31T23:59:59+03:00</ToDtTm>
      </FrToDt>
      <Acct>
        <Id>
          <IBAN>LV23PARX0022345678901</IBAN>
        </Id>
        <Ccy>EUR</Ccy>
        <Svcr>
          <FinInstnId>
            <BICFI>PARXLV22</BICFI>
          </FinInstnId>
        </Svcr>
      </Acct>
      <Bal>
        <Tp>
          <CdOrPrtry>
            <Cd>OPBD</Cd>
          </CdOrPrtry>
        </Tp>
        <Amt Ccy="EUR">0.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Dt>
          <Dt>2026-03-30</Dt>
        </Dt>
      </Bal>
      <Ntry>
        <NtryRef>1</NtryRef>
        <Amt Ccy="EUR">12345678.90</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>
          <Cd>BOOK</Cd>
        </Sts>
        <BookgDt>
          <DtTm>2026-03-31T22:30:00Z</DtTm>
        </BookgDt>
        <ValDt>
          <DtTm>2026-03-31T23:59:00+03:00</DtTm>
        </ValDt>
        <AcctSvcrRef>CIT-0001</AcctSvcrRef>
        <BkTxCd>
          <Domn>
            <Cd>PMNT</Cd>
            <Fmly>
              <Cd>RCDT</Cd>
              <SubFmlyCd>ESCT</SubFmlyCd>
            </Fmly>
          </Domn>
          <Prtry>
            <Cd>MK</Cd>
            <Issr>PARX</Issr>
          </Prtry>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <AcctSvcrRef>CIT-TX-0001</AcctSvcrRef>
              <InstrId>20260331-55</InstrId>
              <EndToEndId>LM-2026-03-31-55</EndToEndId>
              <UETR>8f2b8a6e-2b1c-4f55-9a4f-3f1c2d7e9b10</UETR>
            </Refs>
            <Amt Ccy="EUR">12345678.90</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties>
              <Dbtr>
                <Pty>
                  <Nm>SIA Lielais Maksātājs</Nm>
                </Pty>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV02RIKO0001000223344</IBAN>
                </Id>
              </DbtrAcct>
            </RltdPties>
            <RltdAgts>
              <DbtrAgt>
                <FinInstnId>
                  <BICFI>RIKOLV2X</BICFI>
                </FinInstnId>
              </DbtrAgt>
            </RltdAgts>
            <RmtInf>
              <Strd>
                <CdtrRefInf>
                  <Tp>
                    <CdOrPrtry>
                      <Cd>SCOR</Cd>
                    </CdOrPrtry>
                  </Tp>
                  <Ref>RF842026000101</Ref>
                </CdtrRefInf>
              </Strd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>2</NtryRef>
        <Amt Ccy="EUR">100.10</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>
          <Cd>BOOK</Cd>
        </Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>CIT-0002</AcctSvcrRef>
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
              <EndToEndId>NOTPROVIDED</EndToEndId>
            </Refs>
            <Amt Ccy="EUR">100.10</Amt>
            <RltdPties>
              <Dbtr>
                <Pty>
                  <Nm>Līga Ozoliņa</Nm>
                </Pty>
              </Dbtr>
              <DbtrAcct>
                <Id>
                  <IBAN>LV44HABA0551012345678</IBAN>
                </Id>
              </DbtrAcct>
            </RltdPties>
            <RmtInf>
              <Ustrd>Invoice 2026-000124, apmaksa par martu</Ustrd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">0.01</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>
          <Cd>BOOK</Cd>
        </Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <AcctSvcrRef>CIT-0003</AcctSvcrRef>
        <BkTxCd>
          <Prtry>
            <Cd>KOM</Cd>
            <Issr>PARX</Issr>
          </Prtry>
        </BkTxCd>
        <AddtlNtryInf>Komisijas maksa</AddtlNtryInf>
      </Ntry>
      <Ntry>
        <NtryRef>CIT-BATCH-0004</NtryRef>
        <Amt Ccy="EUR">60.50</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>
          <Cd>BOOK</Cd>
        </Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
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
            <Amt Ccy="EUR">10.00</Amt>
            <RmtInf>
              <Ustrd>RF47 2026 0001 02</Ustrd>
            </RmtInf>
          </TxDtls>
          <TxDtls>
            <Amt Ccy="EUR">20.00</Amt>
          </TxDtls>
          <TxDtls>
            <Amt Ccy="EUR">30.50</Amt>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>5</NtryRef>
        <Amt Ccy="EUR">250.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>
          <Cd>BOOK</Cd>
        </Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <ValDt>
          <Dt>2026-03-31</Dt>
        </ValDt>
        <AcctSvcrRef>CIT-0005</AcctSvcrRef>
        <BkTxCd>
          <Domn>
            <Cd>PMNT</Cd>
            <Fmly>
              <Cd>ICDT</Cd>
              <SubFmlyCd>RRTN</SubFmlyCd>
            </Fmly>
          </Domn>
        </BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs>
              <EndToEndId>UP-PAY-2026-0042</EndToEndId>
            </Refs>
            <Amt Ccy="EUR">250.00</Amt>
            <RltdPties>
              <Dbtr>
                <Pty>
                  <Nm>AS Utility Portal Demo</Nm>
                </Pty>
              </Dbtr>
              <Cdtr>
                <Pty>
                  <Nm>SIA Skaitītāju Serviss</Nm>
                </Pty>
              </Cdtr>
              <CdtrAcct>
                <Id>
                  <IBAN>LV55PARX0001234567890</IBAN>
                </Id>
              </CdtrAcct>
            </RltdPties>
            <RtrInf>
              <Rsn>
                <Cd>AC04</Cd>
              </Rsn>
            </RtrInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <NtryRef>6</NtryRef>
        <Amt Ccy="EUR">75.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>
          <Cd>PDNG</Cd>
        </Sts>
        <ValDt>
          <DtTm>2026-04-01T09:00:00+03:00</DtTm>
        </ValDt>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;

/** A transaction with every field empty, to write the expected ones as differences. */
const NONE: Omit<CamtTransaction, 'bankReference' | 'amountCents' | 'creditDebit' | 'status'> = {
  currency: 'EUR',
  reversal: false,
  bookingDate: '2026-03-31',
  valueDate: '2026-03-31',
  bankTransactionCode: 'PMNT-RCDT-ESCT',
  endToEndId: null,
  creditorReference: null,
  remittanceText: null,
  counterpartyName: null,
  counterpartyIban: null,
  returnReason: null,
  originalEndToEndId: null,
};

async function* chunksOf(text: string, size: number, as: 'bytes' | 'string' = 'bytes'): AsyncGenerator<Buffer | string> {
  if (as === 'string') {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(text: string, size = 64 * 1024, as: 'bytes' | 'string' = 'bytes'): Promise<CamtItem[]> {
  const items: CamtItem[] = [];
  for await (const item of readCamt053(chunksOf(text, size, as))) items.push(item);
  return items;
}

async function formatError(text: string): Promise<CamtFormatError> {
  try {
    await readAll(text);
  } catch (error) {
    if (error instanceof CamtFormatError) return error;
    throw error;
  }
  throw new Error('read without a CamtFormatError');
}

function transactions(items: CamtItem[]): CamtTransaction[] {
  return items.flatMap((item) => (item.type === 'transaction' ? [item.transaction] : []));
}

/** The 1-based line on which `marker` first occurs in `text`. */
function lineOf(text: string, marker: string): number {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`no ${marker}`);
  return text.slice(0, at).split('\n').length;
}

/** A statement around the given entries (camt.053.001.02), for the cases below. */
function statementWith(entries: string, namespace = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${namespace}">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>MSG-1</MsgId>
      <CreDtTm>2026-04-01T06:00:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>STMT-1</Id>
      <CreDtTm>2026-04-01T06:00:00</CreDtTm>
      <Acct>
        <Id>
          <IBAN>LV97HABA0012345678910</IBAN>
        </Id>
        <Ccy>EUR</Ccy>
      </Acct>
${entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

function entry(reference: string, amount: string, extra = ''): string {
  return `      <Ntry>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt>
          <Dt>2026-03-31</Dt>
        </BookgDt>
        <AcctSvcrRef>${reference}</AcctSvcrRef>${extra}
      </Ntry>`;
}

describe('readCamt053: camt.053.001.02', () => {
  it('reads the statement header before its entries', async () => {
    const items = await readAll(STATEMENT_V02);
    expect(items[0]).toEqual({
      type: 'statement',
      statement: {
        messageId: 'HABA20260401061522000123',
        statementId: 'LV97HABA0012345678910-20260331',
        accountIban: 'LV97HABA0012345678910',
        currency: 'EUR',
        createdAt: '2026-04-01T06:15:22',
        fromDate: '2026-03-31',
        toDate: '2026-03-31',
      },
    });
    expect(items.slice(1).map((item) => item.type === 'transaction' && [item.statementId, item.entryIndex])).toEqual([
      ['LV97HABA0012345678910-20260331', 1],
      ['LV97HABA0012345678910-20260331', 2],
      ['LV97HABA0012345678910-20260331', 3],
      ['LV97HABA0012345678910-20260331', 3],
      ['LV97HABA0012345678910-20260331', 3],
      ['LV97HABA0012345678910-20260331', 4],
      ['LV97HABA0012345678910-20260331', 5],
      ['LV97HABA0012345678910-20260331', 6],
    ]);
  });

  it('reads a credit paying an RF creditor reference', async () => {
    const [credit] = transactions(await readAll(STATEMENT_V02));
    expect(credit).toEqual({
      ...NONE,
      bankReference: '2026033100012345',
      amountCents: 10010,
      creditDebit: 'CRDT',
      status: 'BOOK',
      endToEndId: 'E2E-20260331-7781',
      creditorReference: 'RF18539007547034',
      counterpartyName: 'Jānis Bērziņš',
      counterpartyIban: 'LV80BANK0000435195001',
    });
  });

  it('reads a credit of 0.01 that names its invoice only in unstructured text (lines joined, entities decoded)', async () => {
    const credit = transactions(await readAll(STATEMENT_V02))[1];
    expect(credit).toEqual({
      ...NONE,
      bankReference: '2026033100012346',
      amountCents: 1,
      creditDebit: 'CRDT',
      status: 'BOOK',
      remittanceText: 'Rēķins Nr. 2026-000123 līgums E-00045',
      counterpartyName: 'SIA "Ēdoles nami" & partneri',
      counterpartyIban: 'LV10UNLA0050012345678',
    });
  });

  it('takes a batch entry apart into its 3 transactions, each with its own amount and a reference', async () => {
    const batch = transactions(await readAll(STATEMENT_V02)).slice(2, 5);
    expect(batch.map((t) => [t.bankReference, t.amountCents, t.endToEndId, t.counterpartyName, t.creditorReference, t.remittanceText])).toEqual([
      ['2026033100012347#1', 100000, 'BATCH-20260331-1', 'Ilze Zariņa', 'RF712026000101', null],
      ['2026033100012347-2', 234567, 'BATCH-20260331-2', 'Pēteris Kļaviņš', null, null],
      ['2026033100012347#3', 1234233323, 'BATCH-20260331-3', 'VAS "Valsts nekustamie īpašumi"', null, 'Avansa maksājums 2026. gada 2. ceturksnim'],
    ]);
    expect(batch.every((t) => t.creditDebit === 'CRDT' && t.bankTransactionCode === 'PMNT-RCDT-ESCT')).toBe(true);
  });

  it('reads a debit with the creditor as the counterparty', async () => {
    const debit = transactions(await readAll(STATEMENT_V02))[5];
    expect(debit).toEqual({
      ...NONE,
      bankReference: '2026033100012348',
      amountCents: 25000,
      creditDebit: 'DBIT',
      status: 'BOOK',
      bankTransactionCode: 'PMNT-ICDT-ESCT',
      endToEndId: 'UP-PAY-2026-0042',
      remittanceText: 'Rēķins 17/2026',
      counterpartyName: 'SIA Skaitītāju Serviss',
      counterpartyIban: 'LV55PARX0001234567890',
    });
  });

  it('reads a reversal (RvslInd) with its return reason; the counterparty is the payer of the reversed credit', async () => {
    const reversal = transactions(await readAll(STATEMENT_V02))[6];
    expect(reversal).toEqual({
      ...NONE,
      bankReference: '2026033100012349',
      amountCents: 4560,
      creditDebit: 'DBIT',
      reversal: true,
      status: 'BOOK',
      bankTransactionCode: 'PMNT-RCDT-RRTN',
      endToEndId: 'E2E-20260325-1102',
      counterpartyName: 'Andris Kalniņš',
      counterpartyIban: 'LV21HABA0551002345678',
      returnReason: 'AC04',
      originalEndToEndId: 'E2E-20260325-1102',
    });
  });

  it('reads a pending entry without details: NtryRef is the reference, no booking date', async () => {
    const pending = transactions(await readAll(STATEMENT_V02))[7];
    expect(pending).toEqual({
      ...NONE,
      bankReference: 'PDNG-77',
      amountCents: 1234,
      creditDebit: 'CRDT',
      status: 'PDNG',
      bookingDate: null,
      valueDate: '2026-04-01',
      bankTransactionCode: null,
    });
  });
});

describe('readCamt053: camt.053.001.08', () => {
  it('reads the header; FrToDt with an offset gives Riga dates', async () => {
    const [first] = await readAll(STATEMENT_V08);
    expect(first).toEqual({
      type: 'statement',
      statement: {
        messageId: 'PARX-STMT-0000981',
        statementId: '0000981',
        accountIban: 'LV23PARX0022345678901',
        currency: 'EUR',
        createdAt: '2026-04-01T02:00:05+03:00',
        fromDate: '2026-03-31',
        toDate: '2026-03-31',
      },
    });
  });

  it('reads a credit of 12345678.90 booked at a DtTm: the Riga date of that instant (22:30 UTC is 01:30 the next day in Riga)', async () => {
    const [credit] = transactions(await readAll(STATEMENT_V08));
    expect(credit).toEqual({
      ...NONE,
      bankReference: 'CIT-TX-0001',
      amountCents: 1234567890,
      creditDebit: 'CRDT',
      status: 'BOOK',
      bookingDate: '2026-04-01',
      valueDate: '2026-03-31',
      endToEndId: 'LM-2026-03-31-55',
      creditorReference: 'RF842026000101',
      counterpartyName: 'SIA Lielais Maksātājs',
      counterpartyIban: 'LV02RIKO0001000223344',
    });
  });

  it('reads the party through Dbtr/Pty and an unstructured invoice number', async () => {
    const credit = transactions(await readAll(STATEMENT_V08))[1];
    expect(credit).toEqual({
      ...NONE,
      bankReference: 'CIT-0002',
      amountCents: 10010,
      creditDebit: 'CRDT',
      status: 'BOOK',
      remittanceText: 'Invoice 2026-000124, apmaksa par martu',
      counterpartyName: 'Līga Ozoliņa',
      counterpartyIban: 'LV44HABA0551012345678',
    });
  });

  it('reads a bank fee debit with only a proprietary transaction code', async () => {
    const fee = transactions(await readAll(STATEMENT_V08))[2];
    expect(fee).toEqual({
      ...NONE,
      bankReference: 'CIT-0003',
      amountCents: 1,
      creditDebit: 'DBIT',
      status: 'BOOK',
      valueDate: null,
      bankTransactionCode: 'KOM',
    });
  });

  it('takes a batch apart by TxDtls/Amt, numbering the transactions after the NtryRef', async () => {
    const batch = transactions(await readAll(STATEMENT_V08)).slice(3, 6);
    expect(batch.map((t) => [t.bankReference, t.amountCents, t.remittanceText])).toEqual([
      ['CIT-BATCH-0004#1', 1000, 'RF47 2026 0001 02'],
      ['CIT-BATCH-0004#2', 2000, null],
      ['CIT-BATCH-0004#3', 3050, null],
    ]);
  });

  it('reads a returned payment of ours (RtrInf without RvslInd): the counterparty is the creditor of the original debit', async () => {
    const returned = transactions(await readAll(STATEMENT_V08))[6];
    expect(returned).toEqual({
      ...NONE,
      bankReference: 'CIT-0005',
      amountCents: 25000,
      creditDebit: 'CRDT',
      status: 'BOOK',
      bankTransactionCode: 'PMNT-ICDT-RRTN',
      endToEndId: 'UP-PAY-2026-0042',
      counterpartyName: 'SIA Skaitītāju Serviss',
      counterpartyIban: 'LV55PARX0001234567890',
      returnReason: 'AC04',
      originalEndToEndId: 'UP-PAY-2026-0042',
    });
  });

  it('reads a pending entry with Sts/Cd and a value DtTm', async () => {
    const pending = transactions(await readAll(STATEMENT_V08))[7];
    expect(pending).toMatchObject({ bankReference: '6', amountCents: 7500, status: 'PDNG', bookingDate: null, valueDate: '2026-04-01' });
  });
});

describe('readCamt053: amounts', () => {
  it('reads amounts exactly from their decimal text', async () => {
    const amounts = ['100.10', '0.01', '12345678.90', '100.1', '7', '0.10', '999999999999.99', '1.50000'];
    const items = await readAll(statementWith(amounts.map((amount, i) => entry(`R${i}`, amount)).join('\n')));
    expect(transactions(items).map((t) => t.amountCents)).toEqual([10010, 1, 1234567890, 10010, 700, 10, 99999999999999, 150]);
  });

  it('rejects an entry whose amount is not a whole number of cents, or not a decimal', async () => {
    const items = await readAll(statementWith([entry('R1', '1.005'), entry('R2', '-5.00'), entry('R3', '1e3'), entry('R4', '1,50')].join('\n')));
    expect(items.filter((item) => item.type === 'rejected').map((item) => item.type === 'rejected' && item.reason.replace(/^entry \d+ \(line \d+\): /, ''))).toEqual([
      'the amount 1.005 has fractions of a cent',
      'the amount "-5.00" is not a decimal amount',
      'the amount "1e3" is not a decimal amount',
      'the amount "1,50" is not a decimal amount',
    ]);
  });
});

describe('readCamt053: entries that cannot be read', () => {
  it('rejects an entry without an amount, naming its position, and reads on', async () => {
    const noAmount = `      <Ntry>
        <NtryRef>NO-AMOUNT</NtryRef>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <AcctSvcrRef>R2</AcctSvcrRef>
      </Ntry>`;
    const xml = statementWith([entry('R1', '10.00'), noAmount, entry('R3', '30.00')].join('\n'));
    const items = await readAll(xml);
    expect(items.slice(1)).toEqual([
      expect.objectContaining({ type: 'transaction', entryIndex: 1 }),
      { type: 'rejected', statementId: 'STMT-1', entryIndex: 2, reason: `entry 2 (line ${lineOf(xml, '<NtryRef>NO-AMOUNT') - 1}): the entry has no amount (Amt)` },
      expect.objectContaining({ type: 'transaction', entryIndex: 3 }),
    ]);
  });

  it('rejects an entry without any bank reference, an unknown credit/debit indicator and an impossible date', async () => {
    const noReference = `      <Ntry>
        <Amt Ccy="EUR">5.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
      </Ntry>`;
    const items = await readAll(
      statementWith([noReference, entry('R2', '1.00').replace('CRDT', 'CREDIT'), entry('R3', '1.00').replace('2026-03-31', '2026-02-30')].join('\n')),
    );
    expect(items.slice(1).map((item) => item.type === 'rejected' && item.reason.replace(/^entry \d+ \(line \d+\): /, ''))).toEqual([
      'the entry has no bank reference (AcctSvcrRef or NtryRef)',
      'the credit/debit indicator is "CREDIT", not CRDT or DBIT',
      'the booking date "2026-02-30" is not a date',
    ]);
  });

  it('rejects a batch whose transactions do not add up to the entry, or lack an amount', async () => {
    const details = (amounts: (string | null)[]) =>
      `\n        <NtryDtls>${amounts.map((a) => `\n          <TxDtls>${a === null ? '' : `<Amt Ccy="EUR">${a}</Amt>`}</TxDtls>`).join('')}\n        </NtryDtls>`;
    const items = await readAll(statementWith([entry('R1', '10.00', details(['4.00', '5.00'])), entry('R2', '10.00', details(['4.00', null]))].join('\n')));
    expect(items.slice(1).map((item) => item.type === 'rejected' && item.reason.replace(/^entry \d+ \(line \d+\): /, ''))).toEqual([
      "the batch's transactions come to 9.00 EUR, the entry to 10.00",
      'transaction 2 of the batch has no amount in EUR (TxDtls/Amt or AmtDtls/TxAmt/Amt)',
    ]);
  });
});

describe('readCamt053: reading', () => {
  it('reads a file whose elements carry a namespace prefix the same as one without', async () => {
    const prefixed = STATEMENT_V02.replace('xmlns="urn:', 'xmlns:ns2="urn:').replace(/<(\/?)([A-Za-z])/g, '<$1ns2:$2');
    expect(prefixed).toContain('<ns2:Ntry>');
    expect(prefixed).toContain('<ns2:Amt Ccy="EUR">100.10</ns2:Amt>');
    expect(await readAll(prefixed)).toEqual(await readAll(STATEMENT_V02));
  });

  it('reads the same items whatever the chunks: a character at a time, 7 bytes at a time (splitting ā, ņ, š)', async () => {
    for (const statement of [STATEMENT_V02, STATEMENT_V08]) {
      const whole = await readAll(statement);
      expect(await readAll(statement, 1, 'string')).toEqual(whole);
      expect(await readAll(statement, 7, 'bytes')).toEqual(whole);
      expect(await readAll(statement, 1, 'bytes')).toEqual(whole);
    }
  });

  it('yields entries while the file is still arriving', async () => {
    const entries = Array.from({ length: 2000 }, (_, i) => entry(`R${i}`, '1.00')).join('\n');
    const bytes = Buffer.from(statementWith(entries));
    let sent = 0;
    async function* source() {
      for (; sent < bytes.length; sent += 4096) yield bytes.subarray(sent, sent + 4096);
    }
    let sentAtFirstTransaction = -1;
    let count = 0;
    for await (const item of readCamt053(source())) {
      if (item.type !== 'transaction') continue;
      if (count++ === 0) sentAtFirstTransaction = sent;
    }
    expect(count).toBe(2000);
    expect(sentAtFirstTransaction).toBeLessThan(8192);
  });

  it('reads several statements in one message, counting entries per statement', async () => {
    const second = `    </Stmt>
    <Stmt>
      <Id>STMT-2</Id>
      <Acct>
        <Id>
          <IBAN>LV23PARX0022345678901</IBAN>
        </Id>
      </Acct>
${entry('S2-1', '2.00')}`;
    const items = await readAll(statementWith(`${entry('S1-1', '1.00')}\n${second}`));
    expect(items.map((item) => (item.type === 'statement' ? item.statement.statementId : item.type === 'transaction' ? `${item.statementId}/${item.entryIndex}/${item.transaction.bankReference}` : item.reason))).toEqual([
      'STMT-1',
      'STMT-1/1/S1-1',
      'STMT-2',
      'STMT-2/1/S2-1',
    ]);
    expect(items[2]).toMatchObject({ statement: { accountIban: 'LV23PARX0022345678901', currency: null, createdAt: null, fromDate: null } });
  });

  it('yields a statement without entries', async () => {
    expect(await readAll(statementWith(''))).toEqual([
      { type: 'statement', statement: { messageId: 'MSG-1', statementId: 'STMT-1', accountIban: 'LV97HABA0012345678910', currency: 'EUR', createdAt: '2026-04-01T06:00:00', fromDate: null, toDate: null } },
    ]);
  });

  it('reads comments, CDATA, character references and a byte order mark', async () => {
    const xml = `\uFEFF${statementWith(
      entry('R1', '1.00', `
        <!-- the bank's note -->
        <NtryDtls>
          <TxDtls>
            <RmtInf>
              <Ustrd><![CDATA[Rēķins <2026> & co]]></Ustrd>
              <Ustrd>&#x0100;dolfs &#352;mits</Ustrd>
            </RmtInf>
          </TxDtls>
        </NtryDtls>`),
    )}`;
    const [transaction] = transactions(await readAll(xml));
    expect(transaction.remittanceText).toBe('Rēķins <2026> & co Ādolfs Šmits');
  });
});

describe('readCamt053: files that are not camt.053 statements', () => {
  it('refuses another namespace, naming it', async () => {
    const error = await formatError(statementWith(entry('R1', '1.00'), 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.02'));
    expect(error.message).toBe('camt.053 line 2: the namespace urn:iso:std:iso:20022:tech:xsd:camt.052.001.02 is not camt.053.001.02 or camt.053.001.08');
    expect((await formatError(statementWith('', 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.04'))).message).toContain('camt.053.001.04 is not');
    expect((await formatError('<Document><BkToCstmrStmt/></Document>')).message).toContain('has no namespace');
  });

  it('refuses another document', async () => {
    expect((await formatError('<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')).message).toBe(
      'camt.053 line 2: the document element is <Invoice>, not a camt.053 <Document>',
    );
    expect((await formatError('Datums;Summa;Maksātājs\n2026-03-31;100.10;Jānis\n')).message).toBe('camt.053 line 1: the file is not XML: it does not start with a tag');
    expect((await formatError('')).message).toBe('camt.053 line 1: the file holds no XML document');
    expect((await formatError('<?xml version="1.0" encoding="ISO-8859-13"?><Document/>')).message).toContain('encoding ISO-8859-13 is not supported');
  });

  it('refuses malformed XML with the line where it goes wrong', async () => {
    const unclosed = STATEMENT_V02.replace('<Nm>Jānis Bērziņš</Nm>', '<Nm>Jānis Bērziņš');
    const cases: [string, string, string][] = [
      [unclosed, `line ${lineOf(STATEMENT_V02, '</Dbtr>')}:`, 'closing tag </Dbtr> where </Nm> was expected'],
      [STATEMENT_V08.replace('<Cd>BOOK</Cd>', '<Cd>BOOK</Cx>'), `line ${lineOf(STATEMENT_V08, '<Cd>BOOK')}:`, 'closing tag </Cx> where </Cd> was expected'],
      [STATEMENT_V02.replace('<Ccy>EUR</Ccy>', '<Ccy>EUR</Cy>'), `line ${lineOf(STATEMENT_V02, '<Ccy>EUR')}:`, 'closing tag </Cy> where </Ccy> was expected'],
      [STATEMENT_V02.replace('<Ustrd>Rēķins 17/2026</Ustrd>', '<Ustrd>Rēķins 17/2026 & co</Ustrd>'), `line ${lineOf(STATEMENT_V02, 'Rēķins 17/2026')}:`, 'a "&" that does not start an entity reference'],
      [STATEMENT_V02.replace('Rēķins 17/2026', 'Rēķins 17/2026 &constructor;'), `line ${lineOf(STATEMENT_V02, 'Rēķins 17/2026')}:`, 'unknown entity &constructor;'],
      [STATEMENT_V02.replace('<Amt Ccy="EUR">45.60</Amt>', '<Amt Ccy=EUR>45.60</Amt>'), `line ${lineOf(STATEMENT_V02, '45.60')}:`, 'malformed attributes in <Amt>'],
      [STATEMENT_V02.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DBIT</CdtDbtInd>\u0000%PDF-1.7 <<garbage>>'), `line ${lineOf(STATEMENT_V02, '<CdtDbtInd>DBIT')}:`, '"<garbage" is not an element name'],
      [STATEMENT_V02.slice(0, STATEMENT_V02.indexOf('<NtryRef>000004')), '', 'the file ends inside the <Ntry> entry that starts here'],
      [STATEMENT_V02.slice(0, STATEMENT_V02.indexOf('<Ntry>')), '', 'the file ends before <Document> <BkToCstmrStmt> <Stmt> are closed'],
      [`${STATEMENT_V02}<Document/>`, '', 'a second document element <Document>'],
      [STATEMENT_V02.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x "y">]>'), 'line 1:', 'a DOCTYPE is not allowed in a bank statement'],
    ];
    for (const [xml, line, what] of cases) {
      const error = await formatError(xml);
      expect(error).toBeInstanceOf(CamtFormatError);
      expect(error.message).toContain(line);
      expect(error.message).toContain(what);
    }
  });

  it('refuses bytes that are not UTF-8', async () => {
    const xml = statementWith(entry('R1', '1.00', '\n        <AddtlNtryInf>@</AddtlNtryInf>'));
    const at = xml.indexOf('@');
    // "ēki" in ISO-8859-13: 0xE7 is not followed by UTF-8 continuation bytes
    const latin13 = Buffer.concat([Buffer.from(xml.slice(0, at), 'utf8'), Buffer.from([0xe7, 0x6b, 0x69]), Buffer.from(xml.slice(at + 1), 'utf8')]);
    async function* source() {
      yield latin13;
    }
    await expect(async () => {
      for await (const item of readCamt053(source())) void item;
    }).rejects.toThrow(CamtFormatError);
  });

  it('reports the statement id missing before the entries', async () => {
    expect((await formatError(statementWith(entry('R1', '1.00')).replace('<Id>STMT-1</Id>', ''))).message).toContain('the statement has no identification (Stmt/Id)');
  });
});

describe('parseXmlElement', () => {
  /** The same element as fast-xml-parser gives it: every element in an array, attributes as @_name. */
  function asFastXmlParser(element: XmlElement): unknown {
    if (element.children.length === 0 && element.attrs === null) return element.text.trim();
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(element.attrs ?? {})) out[`@_${name}`] = value;
    if (element.text.trim() !== '') out['#text'] = element.text.trim();
    for (const c of element.children) ((out[c.name] ??= []) as unknown[]).push(asFastXmlParser(c));
    return out;
  }

  it('reads every entry of the samples as fast-xml-parser does', () => {
    const reference = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, removeNSPrefix: true, htmlEntities: true, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
    for (const statement of [STATEMENT_V02, STATEMENT_V08]) {
      let count = 0;
      for (let at = statement.indexOf('<Ntry>'); at !== -1; at = statement.indexOf('<Ntry>', at + 1)) {
        const end = statement.indexOf('</Ntry>', at) + '</Ntry>'.length;
        const parsed = parseXmlElement(statement, at);
        expect(parsed?.end).toBe(end);
        expect({ Ntry: [asFastXmlParser(parsed!.element)] }).toEqual(reference.parse(statement.slice(at, end)));
        count++;
      }
      expect(count).toBe(6);
    }
  });

  it('says when the element has not ended yet', () => {
    expect(parseXmlElement('<Ntry><Amt Ccy="EUR">1.00</Amt>', 0)).toBeNull();
    expect(parseXmlElement('<Ntry><Amt Ccy="EU', 0)).toBeNull();
    expect(parseXmlElement('<Ntry><!-- a comm', 0)).toBeNull();
    expect(parseXmlElement('<Ntry></Nt', 0)).toBeNull();
  });
});
