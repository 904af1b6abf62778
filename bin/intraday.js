#!/usr/bin/env node
// Thin launcher: the CLI is compiled from cli/main.ts by `npm run build` (the setup script runs it).
import { main } from '../dist/cli/main.js';

main(process.argv).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
