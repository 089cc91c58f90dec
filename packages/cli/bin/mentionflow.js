#!/usr/bin/env node
// Launches the mentionflow command line: registers tsx so the TypeScript sources run as they are, with no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`mentionflow simulate … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
