// CPU time of a Chromium process tree from /proc (Linux), per process and per thread.
//
// Why /proc: DevTools' Performance metrics cover one renderer's main thread (TaskDuration, ThreadTime) or
// one renderer process (ProcessTime). Audio is rendered elsewhere too — the renderer's audio device thread
// and the audio service's own process — so "what does sound cost" needs the whole tree.
//
// utime + stime (fields 14 and 15 of /proc/<pid>/stat and /proc/<pid>/task/<tid>/stat) are cumulative CPU
// seconds × CLK_TCK (100 on Linux), i.e. 10 ms resolution: over a 30 s window that is ±0.03 % of a core.
import { readdir, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

let clkTck;
function ticksPerSecond() {
  if (clkTck) return clkTck;
  try {
    clkTck = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    clkTck = 100;
  }
  return clkTck;
}

/** Parse a stat line: the command name is parenthesised and may contain spaces. */
function parseStat(text) {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const comm = text.slice(open + 1, close);
  const rest = text.slice(close + 2).split(' '); // rest[0] is field 3 (state)
  return { comm, ppid: Number(rest[1]), utime: Number(rest[11]), stime: Number(rest[12]) };
}

/** `root` and all its descendants (pids), from the ppid of every process in /proc. */
export async function processTree(root) {
  const children = new Map();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const { ppid } = parseStat(stat);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Cumulative CPU seconds of every process in the tree under `root` and of each of their threads.
 * @returns {Promise<{ at: number, procs: Map<number, { seconds: number, threads: Map<number, { comm: string, seconds: number }> }> }>}
 */
export async function sampleTree(root) {
  const hz = ticksPerSecond();
  const procs = new Map();
  for (const pid of await processTree(root)) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const p = parseStat(stat);
    const threads = new Map();
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const ts = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => null);
      if (!ts) continue;
      const t = parseStat(ts);
      threads.set(Number(tid), { comm: t.comm, seconds: (t.utime + t.stime) / hz });
    }
    procs.set(pid, { seconds: (p.utime + p.stime) / hz, threads });
  }
  return { at: performance.now(), procs };
}

/**
 * CPU used between two samples of the same tree. Processes that appeared in between count from zero;
 * processes that exited in between are lost (their time is not in /proc any more) and listed.
 * `label(pid, tid, comm)` names the thread groups reported in `byThread` (e.g. 'renderer:main').
 * @returns {{ wallSeconds: number, cpuSeconds: number, percentOfCore: number, newPids: number[], exitedPids: number[],
 *   byProcess: Map<number, number>, byThread: Map<string, number> }}
 */
export function cpuBetween(a, b, label = (pid, tid, comm) => (pid === tid ? 'main' : comm)) {
  const wallSeconds = (b.at - a.at) / 1000;
  let cpuSeconds = 0;
  const byProcess = new Map();
  const byThread = new Map();
  for (const [pid, pb] of b.procs) {
    const pa = a.procs.get(pid);
    const d = pb.seconds - (pa?.seconds ?? 0);
    cpuSeconds += d;
    byProcess.set(pid, d);
    for (const [tid, tb] of pb.threads) {
      const ta = pa?.threads.get(tid);
      const key = label(pid, tid, tb.comm);
      byThread.set(key, (byThread.get(key) ?? 0) + tb.seconds - (ta?.seconds ?? 0));
    }
  }
  return {
    wallSeconds,
    cpuSeconds,
    percentOfCore: (cpuSeconds / wallSeconds) * 100,
    newPids: [...b.procs.keys()].filter((p) => !a.procs.has(p)),
    exitedPids: [...a.procs.keys()].filter((p) => !b.procs.has(p)),
    byProcess,
    byThread,
  };
}
