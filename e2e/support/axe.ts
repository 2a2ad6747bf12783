import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is now and fails on any 'serious' or 'critical' violation, listing each
 * rule with the elements it found. The page's context must bypass the CSP (newContext(…, { axe: true })).
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  }) as AxeViolation[];
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map((violation) => `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes
        .slice(0, 5)
        .map((node) => `    ${JSON.stringify(node.target)}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`)
        .join('\n')}`)
      .join('\n');
    throw new Error(`accessibility (axe-core): ${serious.length} serious or critical violation(s) on ${what} (${page.url()}):\n${report}`);
  }
}
