#!/usr/bin/env node
'use strict';
// Summarize a V8 .cpuprofile (from `node --cpu-prof`): self time by package/area and the hottest
// functions, plus inclusive time of functions whose name matches a pattern.
// Usage: node bench/tools/cpu-profile-summary.js FILE.cpuprofile [top=25] [inclusive-regex]
const { readFileSync } = require('node:fs');

const [file, topArg = '25', inclusivePattern] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.js FILE.cpuprofile [top] [inclusive-regex]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
const top = Number(topArg);

// Self time per node: samples are node ids, timeDeltas the µs since the previous sample.
const selfUs = new Map();
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

function area(url) {
  if (!url) return '(native/V8)';
  // The innermost package: express nested under @nestjs/platform-express counts as express.
  const inModules = [...url.matchAll(/node_modules\/((@[^/]+\/)?[^/]+)/g)].pop();
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return url;
  const dist = url.match(/dist\/(\w+)/);
  return dist ? `hookgate/${dist[1]}` : url;
}

function print(title, map, limit) {
  console.log(`\n${title}`);
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .forEach(([key, us]) =>
      console.log(`${((100 * us) / totalUs).toFixed(1).padStart(6)}%  ${key}`),
    );
}

const byArea = new Map();
const byFunction = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id);
  const a = area(callFrame.url);
  byArea.set(a, (byArea.get(a) ?? 0) + us);
  const key = `${callFrame.functionName || '(anonymous)'}  ${a}:${callFrame.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
console.log(`${file}: ${(totalUs / 1e6).toFixed(2)} s sampled`);
print('Self time by area', byArea, top);
print('Self time by function', byFunction, top);

if (inclusivePattern) {
  // Inclusive time: a node's self time counts for each distinct matching ancestor frame name.
  const parent = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const regex = new RegExp(inclusivePattern);
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { callFrame } = byId.get(at);
      const key = `${callFrame.functionName}  ${area(callFrame.url)}:${callFrame.lineNumber + 1}`;
      if (regex.test(key) && !seen.has(key)) {
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + us);
      }
    }
  }
  print(`Inclusive time of frames matching /${inclusivePattern}/`, inclusive, top);
}
