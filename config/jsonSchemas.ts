import { z } from 'zod';
import { PUBLISHED_SCHEMAS } from './configFiles.js';

/**
 * JSON Schema text for every published zod schema, keyed by file name (`risk.schema.json`).
 * Generated for the input side so that keys with defaults stay optional for editors.
 */
export function renderJsonSchemas(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, schema] of Object.entries(PUBLISHED_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const titled = { title: `intraday ${name} configuration`, ...json };
    files[`${name}.schema.json`] = `${JSON.stringify(titled, null, 2)}\n`;
  }
  return files;
}
