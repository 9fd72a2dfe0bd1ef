'use strict';
// Peak resident memory and CPU time of a server process during a round, from /proc (Linux).
const { readFileSync } = require('node:fs');

const CLOCK_TICKS = 100; // USER_HZ on Linux

function statusKb(pid, field) {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
  );
  return match ? Number(match[1]) : NaN;
}

/** utime + stime of the process, in seconds. */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * Sample VmRSS every `everyMs` until stop() is called. stop() returns the round's peak RSS (MB),
 * the process's lifetime peak (VmHWM, MB) and its CPU use over the round (1.0 = one full core).
 */
function watchProcess(pid, everyMs = 100) {
  let peakKb = 0;
  const startedAt = process.hrtime.bigint();
  const cpuAtStart = cpuSeconds(pid);
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, statusKb(pid, 'VmRSS'));
    } catch {
      // the process is gone; stop() reports what was seen
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const wallS = Number(process.hrtime.bigint() - startedAt) / 1e9;
      let hwmKb = NaN;
      let cpu = NaN;
      try {
        hwmKb = statusKb(pid, 'VmHWM');
        cpu = (cpuSeconds(pid) - cpuAtStart) / wallS;
      } catch {
        // the process is gone
      }
      return { peakRssMb: peakKb / 1024, lifetimePeakRssMb: hwmKb / 1024, cpu };
    },
  };
}

module.exports = { watchProcess };
