import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../tests/support/sharedData.js';
import { renderJsonSchemas } from './jsonSchemas.js';

const SCHEMA_DIR = join(REPO_ROOT, 'config', 'schema');

describe('committed JSON Schema', () => {
  it('matches the zod schemas (regenerate with `npx intraday config schema` when this fails)', () => {
    const rendered = renderJsonSchemas();

    for (const [name, text] of Object.entries(rendered)) {
      expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), `config/schema/${name} is stale`).toBe(text);
    }
    expect(readdirSync(SCHEMA_DIR).sort()).toEqual(Object.keys(rendered).sort());
  });

  it('carries the descriptions and rejects unknown keys, so editors can help', () => {
    const risk = JSON.parse(renderJsonSchemas()['risk.schema.json']!) as {
      properties: { limits: { additionalProperties: boolean; properties: Record<string, { description?: string }> } };
    };

    expect(risk.properties.limits.additionalProperties).toBe(false);
    expect(risk.properties.limits.properties['max_drawdown_pct']?.description).toBe(
      'Hard stop at this drawdown from the equity peak',
    );
  });

  it('points every YAML file at its schema', () => {
    const files = ['system', 'features', 'targets', 'risk', 'models'];

    for (const name of files) {
      const text = readFileSync(join(REPO_ROOT, 'config', `${name}.yaml`), 'utf8');
      expect(text.split('\n')[0], `config/${name}.yaml`).toBe(
        `# yaml-language-server: $schema=./schema/${name}.schema.json`,
      );
    }
  });
});
