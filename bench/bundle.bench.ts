/**
 * Login-page JavaScript weight: builds the SPA (`npx vite build web`), then sums the gzip -9 size of the
 * JS a first visit loads: the <script type="module" src> and <link rel="modulepreload" href> of
 * web/dist/index.html plus every chunk they import statically (import … from "./x.js", import "./x.js",
 * export … from "./x.js"), transitively. Dynamic import() chunks are lazy and not counted.
 * Target: < 250 KB (gzip).
 *
 *   npm run bench -- bundle [--skip-build]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { flagOption, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'web', 'dist');
const TARGET_BYTES = 250 * 1024;

function build(): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['vite', 'build', 'web'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    result[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return result;
}

/** The JS files index.html makes the browser load at once: module entry scripts and modulepreloads. */
export function entryScripts(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(7, -1));
    if (attrs.type === 'module' && attrs.src) found.push(attrs.src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag.slice(5, -1));
    if (attrs.rel?.split(/\s+/).includes('modulepreload') && attrs.href) found.push(attrs.href);
  }
  return found;
}

/**
 * Relative specifiers of the static imports of a built chunk. Matches `import{a}from"./x.js"`,
 * `import x from './x.js'`, `import"./x.js"` and `export{a}from"./x.js"`; `import("./x.js")` is
 * dynamic and skipped (no quote may follow `import` directly after a parenthesis).
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[^\w$.])import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*from\s*["']([^"']+)["']/g,
    /(?:^|[^\w$.])import\s*["']([^"']+)["']/g,
    /(?:^|[^\w$.])export\s*(?:\{[^}]*\}|\*(?:\s*as\s+[\w$]+)?)\s*from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) found.add(match[1]);
  }
  return [...found].filter((spec) => spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/'));
}

function resolveAsset(spec: string, fromFile: string | null): string {
  const path = spec.split(/[?#]/)[0];
  if (path.startsWith('/')) return join(DIST, path);
  return resolve(fromFile ? dirname(fromFile) : DIST, path);
}

export async function main(args: BenchArgs): Promise<number> {
  section('build');
  if (flagOption(args, 'skip-build')) {
    console.log('--skip-build: measuring the existing web/dist');
  } else {
    console.log('npx vite build web');
    const result = await build();
    if (result.code !== 0) {
      console.log(result.output.trimEnd());
      console.log('');
      console.log(`ERROR bundle: the web build failed (exit ${result.code}); the login-page JS was not measured. See the output above.`);
      return 1;
    }
    const lines = result.output.trimEnd().split('\n');
    console.log(lines.slice(-Math.min(lines.length, 25)).join('\n'));
  }
  const indexPath = join(DIST, 'index.html');
  if (!existsSync(indexPath)) {
    console.log(`ERROR bundle: ${relative(ROOT, indexPath)} does not exist; the login-page JS was not measured.`);
    return 1;
  }

  section('JS the login page loads (static import graph from index.html)');
  const html = await readFile(indexPath, 'utf8');
  const entries = entryScripts(html);
  if (entries.length === 0) throw new Error('index.html has no <script type="module" src> or <link rel="modulepreload">');
  const queue: { file: string; via: string }[] = entries.map((spec) => ({ file: resolveAsset(spec, null), via: 'index.html' }));
  const seen = new Map<string, { via: string; raw: number; gzip: number }>();
  while (queue.length > 0) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} (referenced by ${via}) is missing from web/dist`);
    const code = await readFile(file);
    seen.set(file, { via, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    for (const spec of staticImports(code.toString('utf8'))) {
      queue.push({ file: resolveAsset(spec, file), via: relative(DIST, file) });
    }
  }

  const rows = [...seen.entries()].map(([file, size]) => [relative(DIST, file), size.via, (size.raw / 1024).toFixed(1), (size.gzip / 1024).toFixed(1)]);
  const totalRaw = [...seen.values()].reduce((sum, s) => sum + s.raw, 0);
  const totalGzip = [...seen.values()].reduce((sum, s) => sum + s.gzip, 0);
  printTable(['file', 'loaded via', 'raw KB', 'gzip KB'], [...rows, ['total', `${seen.size} files`, (totalRaw / 1024).toFixed(1), (totalGzip / 1024).toFixed(1)]]);

  const allJs = await listJs(join(DIST, 'assets'));
  const lazy = allJs.filter((file) => !seen.has(file));
  if (lazy.length > 0) {
    let lazyGzip = 0;
    for (const file of lazy) lazyGzip += gzipSync(await readFile(file), { level: 9 }).length;
    console.log(`\nnot counted: ${lazy.length} lazily imported chunk(s), ${(lazyGzip / 1024).toFixed(1)} KB gzip together`);
  }

  const pass = totalGzip < TARGET_BYTES;
  return verdict('bundle', pass, [
    `login page loads ${(totalGzip / 1024).toFixed(1)} KB of JS gzip -9 in ${seen.size} file(s) (${pass ? 'ok' : 'MISS'}, target < 250 KB)`,
  ]);
}

async function listJs(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath ?? dir, entry.name));
}
