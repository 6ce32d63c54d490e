import fs from 'node:fs';
import os from 'node:os';

/**
 * Lowers the priority of the calling thread (a worker's): on a small server the import and export workers take a whole
 * core each, and the kernel then shares the cores evenly between them and the main thread, which answers every other
 * user. With the workers at a lower priority the main thread's short requests run first; the workers still get every
 * cycle the main thread leaves idle. Linux only (a thread's id is read from /proc/thread-self; setpriority then applies
 * to that thread alone); elsewhere, and when the system refuses, nothing changes. Returns the thread's id when lowered.
 */
export function lowerThisThreadPriority(priority = os.constants.priority.PRIORITY_BELOW_NORMAL): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return null;
    // Never above the thread's present priority (a server already started with `nice` stays as low).
    os.setPriority(tid, Math.max(os.getPriority(tid), priority));
    return tid;
  } catch {
    return null;
  }
}
