// CPU time of a process's threads, read from Linux's /proc/<pid>/task/<tid>/schedstat (time on a
// CPU and time waiting for one, in ns). A server's main thread is what caps its throughput: on a
// machine with more cores, the rest (the pool's workers, GC helpers) runs beside it. Undefined where
// /proc is not Linux's.
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The threads of `pid` now: tid → { name, cpuNs, waitNs }.
 * @returns {Map<number, { name: string, cpuNs: number, waitNs: number }> | undefined}
 */
export function threadTimes(pid) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const times = new Map();
  for (const tid of tids) {
    try {
      const [cpu, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
      times.set(Number(tid), { name: readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim(), cpuNs: cpu, waitNs: wait });
    } catch {
      // the thread ended meanwhile
    }
  }
  return times;
}

/**
 * Per request between two readings: the main thread's CPU and run-queue wait, and every other
 * thread's CPU (the pool's workers, V8's GC helpers, libuv), in µs.
 * @returns {{ mainCpu: number, mainWait: number, otherCpu: number } | undefined}
 */
export function cpuPerRequest(pid, before, after, requests) {
  if (before === undefined || after === undefined || requests === 0) return undefined;
  let otherCpu = 0;
  for (const [tid, t] of after) {
    if (tid === pid) continue;
    otherCpu += t.cpuNs - (before.get(tid)?.cpuNs ?? 0);
  }
  const main0 = before.get(pid);
  const main1 = after.get(pid);
  if (main0 === undefined || main1 === undefined) return undefined;
  const us = (ns) => ns / 1000 / requests;
  return { mainCpu: us(main1.cpuNs - main0.cpuNs), mainWait: us(main1.waitNs - main0.waitNs), otherCpu: us(otherCpu) };
}
