/**
 * A CPU profile of this process's main thread (where the server runs) over one phase of a benchmark,
 * via node:inspector — the same data `node --cpu-prof` writes, limited to the interesting window.
 * Summarised as self time per function and per code area.
 */
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  functions: { name: string; where: string; selfMs: number; share: number }[];
  areas: { area: string; selfMs: number; share: number }[];
}

export async function startProfiling(): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    session.disconnect();
    const file = join(tmpdir(), `up-bench-${Date.now()}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    return summarize(profile, file);
  };
}

/** Which part of the stack a frame belongs to: a package, the portal's own code, node itself, or V8/GC. */
function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(idle)' || functionName === '(program)') return functionName;
    return '(native / V8)';
  }
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/server/src/')) return 'server/src';
  return url.replace(/^file:\/\//, '');
}

function summarize(profile: CpuProfile, file: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (deltas[i] ?? 0));
  }
  const total = profile.endTime - profile.startTime;
  const fn = new Map<string, { name: string; where: string; us: number }>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const where = node.callFrame.url ? `${node.callFrame.url.replace(/^file:\/\/.*?\/node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')}:${node.callFrame.lineNumber + 1}` : '';
    const key = `${node.callFrame.functionName}|${where}`;
    const entry = fn.get(key) ?? { name: node.callFrame.functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    fn.set(key, entry);
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  return {
    file,
    totalMs: total / 1000,
    functions: [...fn.values()].sort((a, b) => b.us - a.us).map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, share: f.us / total })),
    areas: [...areas.entries()].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, selfMs: us / 1000, share: us / total })),
  };
}
