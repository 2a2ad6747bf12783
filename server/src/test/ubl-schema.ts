import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/**
 * The OASIS UBL 2.1 schemas of ../shared (CI checks it out beside the repo). Without them a test fails rather
 * than pass by skipping.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const xsdDir = path.resolve(repoRoot, '../shared/tools/einvoice-validator/xsd');

/** The schema errors of a UBL Invoice or CreditNote ([] when valid). */
export async function ublSchemaErrors(xml: string, kind: 'Invoice' | 'CreditNote'): Promise<string[]> {
  if (!existsSync(xsdDir)) throw new Error(`UBL 2.1 schemas not found at ${xsdDir}`);
  const preload = readdirSync(path.join(xsdDir, 'common')).map((file) => ({
    fileName: `common/${file}`,
    contents: readFileSync(path.join(xsdDir, 'common', file), 'utf8'),
  }));
  const schema = { fileName: `maindoc/UBL-${kind}-2.1.xsd`, contents: readFileSync(path.join(xsdDir, `maindoc/UBL-${kind}-2.1.xsd`), 'utf8') };
  const result = await validateXML({ xml: [{ fileName: 'document.xml', contents: xml }], schema: [schema], preload });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
