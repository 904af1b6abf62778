import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/AppError.js';

/** Where scripts/setup/temporal.sh caches the CLI it builds with `go install ...@v1.5.1`. */
export function defaultTemporalCliPath(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache');
  return join(cache, 'intraday', 'temporal-1.5.1', 'temporal');
}

/** TEMPORAL_CLI_PATH, else the cached build; a clear error when neither is executable. */
export function resolveTemporalCli(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['TEMPORAL_CLI_PATH'] ?? defaultTemporalCliPath(env);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new AppError(
      'TEMPORAL_CLI_MISSING',
      `no Temporal CLI at ${path}: run \`bash scripts/setup/temporal.sh\` (npm run setup does) or set TEMPORAL_CLI_PATH`,
    );
  }
  return path;
}
