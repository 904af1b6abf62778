import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './sharedData.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'intraday.js');

/** What a CLI run printed and how it ended. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the compiled `intraday` CLI (`npm test` builds it first) and never throws on a non-zero exit. */
export async function intraday(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], { env: { ...process.env, ...env }, cwd: REPO_ROOT });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}
