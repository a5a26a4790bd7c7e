// CPU time per component (a process and all its descendants), read from /proc, to show where a run's
// time went on a small machine: PostgreSQL backends, the Temporal server, the worker, the API.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  ppid: number;
  ticks: number;
}

function readAll(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: children that have exited (a pool's closed PostgreSQL
    // backend) keep counting in their parent instead of vanishing from the tree.
    all.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
  }
  return all;
}

/** CPU seconds used so far by each root pid's process tree. */
export function cpuSeconds(roots: Record<string, number>): Record<string, number> {
  const all = readAll();
  const children = new Map<number, number[]>();
  for (const [pid, s] of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), pid]);
  const out: Record<string, number> = {};
  for (const [name, root] of Object.entries(roots)) {
    let ticks = 0;
    const stack = [root];
    while (stack.length) {
      const pid = stack.pop()!;
      ticks += all.get(pid)?.ticks ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    out[name] = ticks / CLK_TCK;
  }
  const self = process.cpuUsage();
  out.bench = (self.user + self.system) / 1e6;
  return out;
}

/** "postgres 1.2 s (35%), ..." for the CPU used between two snapshots over `wallMs`. */
export function cpuLine(before: Record<string, number>, after: Record<string, number>, wallMs: number): string {
  return Object.keys(after)
    .map((k) => {
      const used = after[k] - (before[k] ?? 0);
      return `${k} ${used.toFixed(1)} s (${((used / (wallMs / 1000)) * 100).toFixed(0)}% of a core)`;
    })
    .join(', ');
}

export const loadLine = () => `load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
