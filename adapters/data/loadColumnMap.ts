import { readFile } from 'node:fs/promises';
import type { ColumnMap } from '../../config/columnMap.js';
import { ColumnMapSchema } from '../../config/columnMap.js';
import { parseConfigText } from '../../config/parseConfig.js';
import { FileUnreadableError, InvalidColumnMapError } from '../../core/data/errors.js';

/** Validates an already parsed column map object (no file lines to point at); every problem at once, one line each. */
export function parseColumnMap(file: string, value: unknown): ColumnMap {
  const result = ColumnMapSchema.safeParse(value ?? {});
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(root)';
    let found: unknown = value;
    for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const was =
      issue.code === 'unrecognized_keys'
        ? `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}`
        : `was ${JSON.stringify(found)}`;
    return `${path}: ${issue.message}, ${was}`;
  });
  throw new InvalidColumnMapError(file, problems);
}

/**
 * Reads and validates a column-mapping YAML file (`--map columns.yaml`), every problem at once with its line, key,
 * what was expected and what was found, in the words of the other configuration files (`parseConfigText`).
 */
export async function loadColumnMap(file: string): Promise<ColumnMap> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FileUnreadableError(file, error);
  }
  const result = parseConfigText(file, text, ColumnMapSchema);
  if (!result.ok) throw new InvalidColumnMapError(file, result.problems, true);
  return Object.freeze(result.value);
}
