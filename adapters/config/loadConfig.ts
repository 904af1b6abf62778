import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { checkExperiment } from '../../config/checkExperiment.js';
import { CONFIG_FILES, type AppConfig } from '../../config/configFiles.js';
import { ConfigError } from '../../config/errors.js';
import { ExperimentConfigSchema, type ExperimentConfig } from '../../config/experiment.js';
import { deepFreeze, parseConfigText, type ParseResult } from '../../config/parseConfig.js';

/** A path as shown in messages: relative to the working directory when that is shorter (never empty). */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.length > 0 && rel.length < path.length && !rel.startsWith('..') ? rel : path;
}

/** Reads and validates one YAML file; a missing or unreadable file is a problem, not a crash. */
export function readConfigFile<S extends z.ZodType>(path: string, schema: S): ParseResult<z.output<S>> {
  const shown = displayPath(path);
  if (!existsSync(path)) return { ok: false, problems: [`${shown}: file not found`] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${shown}: cannot be read (${(error as Error).message})`] };
  }
  return parseConfigText(shown, text, schema);
}

/** Loads every start-up configuration file of `dir`, reporting all problems of all files at once. */
export function loadAppConfig(dir: string): AppConfig {
  const problems: string[] = [];
  const values: Record<string, unknown> = { dir };
  for (const [key, entry] of Object.entries(CONFIG_FILES)) {
    const result = readConfigFile(join(dir, entry.file), entry.schema as z.ZodType);
    if (result.ok) values[key] = result.value;
    else problems.push(...result.problems);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(values as unknown as AppConfig);
}

/** Loads an experiment file and checks it against the loaded configuration. */
export function loadExperiment(path: string, app: AppConfig): ExperimentConfig {
  const result = readConfigFile(path, ExperimentConfigSchema);
  if (!result.ok) throw new ConfigError(result.problems);
  const problems = checkExperiment(displayPath(path), result.value, app);
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(result.value);
}

/** The experiment's name when none is given: the file name without extension. */
export function experimentNameOf(path: string): string {
  return basename(path).replace(/\.ya?ml$/, '');
}
