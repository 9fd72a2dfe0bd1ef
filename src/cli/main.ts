#!/usr/bin/env node
import 'reflect-metadata';
import { processIo } from './process-io';
import { runCli } from './run';

// A reader that stops early (`hookgate providers | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): a running gateway (start) or stream (tail) keeps the process alive.
  process.exitCode = code;
});
