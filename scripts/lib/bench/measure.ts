/** Runs a child process and measures its wall-clock time and the peak memory of its whole process tree. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Phase } from './figures.ts';

export type Measured = Phase & { cpuSeconds: number; code: number; stdoutTail: string[]; stderr: string };

export type RunOptions = {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Called with every line the child writes to stdout (Astro logs one line per page it writes). */
  onLine?: (line: string) => void;
  /** Called about once a second while the child runs, with the seconds elapsed. */
  onTick?: (elapsed: number) => void;
};

const SAMPLE_MS = 250;
// GNU time reports the CPU time of the child and every descendant it waited for, which /proc sampling cannot.
const GNU_TIME = '/usr/bin/time';
const TAIL_LINES = 40;

// Clock ticks per second of the utime/stime fields in /proc/<pid>/stat (USER_HZ, 100 on Linux).
const TICKS_PER_SECOND = 100;

type ProcessInfo = { ppid: number; cpuSeconds: number };

/** Parent pid and CPU seconds so far of every process, from /proc/<pid>/stat (fields after the parenthesised command name). */
function processes(): Map<number, ProcessInfo> {
  const map = new Map<number, ProcessInfo>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return map;
}

function descendants(root: number, all: ReadonlyMap<number, ProcessInfo>): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) {
    byParent.set(ppid, byParent.get(ppid) ?? []);
    byParent.get(ppid)?.push(pid);
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(byParent.get(out[i] ?? -1) ?? []));
  return out;
}

/** VmRSS and VmHWM (the process's own high-water mark) in bytes; zeros once the process is gone. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Peak memory of a process tree: the largest sum of resident memory over the tree at any sample,
 * or the largest single process's own high-water mark if that is higher (a short spike between samples).
 * CPU: the last seen CPU time of every process of the tree, summed, which counts helpers that their
 * parent never waits for (Pagefind's and esbuild's service processes), as GNU time cannot.
 */
function treeSampler(root: number): { sample: () => void; peak: () => number; cpuSeconds: () => number } {
  let peakSum = 0;
  let peakOne = 0;
  const cpu = new Map<number, number>();
  return {
    sample() {
      const all = processes();
      let sum = 0;
      for (const pid of descendants(root, all)) {
        const { rss, hwm } = memoryOf(pid);
        sum += rss;
        peakOne = Math.max(peakOne, hwm);
        const info = all.get(pid);
        if (info) cpu.set(pid, info.cpuSeconds);
      }
      peakSum = Math.max(peakSum, sum);
    },
    peak: () => Math.max(peakSum, peakOne),
    cpuSeconds: () => [...cpu.values()].reduce((a, b) => a + b, 0),
  };
}

/** User + system CPU seconds and the largest process's peak memory, from GNU time's output file. */
function readRusage(file: string): { cpuSeconds: number; maxRss: number } | null {
  try {
    const [user, system, kb] = fs.readFileSync(file, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    if (user === undefined || system === undefined || kb === undefined || [user, system, kb].some(Number.isNaN)) return null;
    return { cpuSeconds: user + system, maxRss: kb * 1024 };
  } catch {
    return null;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Runs `command args` in `cwd`, resolving (never rejecting) with its exit code, time, CPU time and peak memory. */
export function measure(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const rusageFile = path.join(os.tmpdir(), `bench-rusage-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const timed = fs.existsSync(GNU_TIME);
    const [cmd, argv] = timed ? [GNU_TIME, ['-f', '%U %S %M', '-o', rusageFile, command, ...args]] : [command, [...args]];
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) {
      reject(new Error(`could not start ${command}`));
      return;
    }
    const sampler = treeSampler(child.pid);
    sampler.sample();
    let ticks = 0;
    const timer = setInterval(() => {
      sampler.sample();
      if (++ticks % Math.round(1000 / SAMPLE_MS) === 0) options.onTick?.((performance.now() - started) / 1000);
    }, SAMPLE_MS);
    const tail: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        options.onLine?.(line);
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      }
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (partial !== '') {
        options.onLine?.(partial);
        tail.push(partial);
      }
      const seconds = (performance.now() - started) / 1000;
      const rusage = timed ? readRusage(rusageFile) : null;
      const peakBytes = Math.max(sampler.peak(), rusage?.maxRss ?? 0);
      // GNU time is exact for the processes it waited for; sampling misses each process's last quarter second.
      const cpuSeconds = Math.max(rusage?.cpuSeconds ?? 0, sampler.cpuSeconds());
      resolve({ seconds, cpuSeconds, peakBytes, code: code ?? 1, stdoutTail: tail, stderr });
    });
  });
}
