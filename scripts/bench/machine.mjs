// What the figures were measured on: cores, CPU, memory, Node, date, and how busy the machine was.
import * as os from 'node:os';

export function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    memory: `${(os.totalmem() / 1073741824).toFixed(1)} GB`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** The 1, 5 and 15 minute load averages, as printed by uptime. */
export const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
