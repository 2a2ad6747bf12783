import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TEMPLATE_ENV, makeDemoTemplate } from './portal.js';

/**
 * Global setup of the browser tests: one portal seeds the demo year into a data folder and stops; every test
 * file's portal then starts from a copy of it (startPortal), instead of seeding the same year again.
 */
export default async function setup() {
  const folder = await mkdtemp(join(tmpdir(), 'up-e2e-template-'));
  const started = Date.now();
  await makeDemoTemplate(folder);
  console.log(`demo template seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env[DEMO_TEMPLATE_ENV] = folder;
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
