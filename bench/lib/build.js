'use strict';
// `npm run build` in the repository, so the bench always loads the code as it is now.
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

function buildGateway() {
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['run', '--silent', 'build'], {
    cwd: resolve(__dirname, '..', '..'),
    stdio: 'inherit',
  });
  console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

module.exports = { buildGateway };
