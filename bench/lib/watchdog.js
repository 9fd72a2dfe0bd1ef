'use strict';
// The bench stops by itself: past the longest plausible run time, kill what it started and exit.
const { settings } = require('./settings');

function armWatchdog(children) {
  const servers = 4;
  const ingestS = servers * (settings.warmupS + settings.rounds * settings.durationS);
  const limitS = 300 + ingestS + (settings.dispatch ? settings.dispatchTimeoutS + 300 : 0);
  const timer = setTimeout(() => {
    console.error(`\nBENCH WATCHDOG: still running after ${limitS} s; killing the servers.`);
    for (const proc of children) proc.child.kill('SIGKILL');
    process.exit(2);
  }, limitS * 1000);
  timer.unref();
}

module.exports = { armWatchdog };
