import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadAppConfig, loadExperiment } from '../../adapters/config/loadConfig.js';
import { renderJsonSchemas } from '../../config/jsonSchemas.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { resolveConfigDir } from '../paths.js';

/** `intraday config check` and `intraday config schema [--check]`. */
export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('validate configuration and publish its JSON Schema');

  config
    .command('check')
    .description('validate every YAML file of the configuration folder, experiments included')
    .action(() => {
      const dir = resolveConfigDir(program.opts<{ configDir?: string }>().configDir);
      const app = loadAppConfig(dir);
      const pipeline = buildFeaturePipeline(app.features);
      const experimentsDir = join(dir, 'experiments');
      const experiments = existsSync(experimentsDir)
        ? readdirSync(experimentsDir)
            .filter((name) => /\.ya?ml$/.test(name))
            .sort()
        : [];
      for (const name of experiments) loadExperiment(join(experimentsDir, name), app);
      console.log(
        `config ok: ${dir} (${pipeline.names.length} features, ${Object.keys(app.targets.targets).length} targets, ` +
          `${Object.keys(app.models.models).length} models, ${experiments.length} experiments)`,
      );
    });

  config
    .command('schema')
    .description('write JSON Schema for editors into config/schema/ (--check: fail when the committed files are stale)')
    .option('--check', 'compare instead of writing')
    .action((options: { check?: boolean }) => {
      const dir = join(resolveConfigDir(program.opts<{ configDir?: string }>().configDir), 'schema');
      const files = renderJsonSchemas();
      const stale: string[] = [];
      if (!options.check) mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        const path = join(dir, name);
        if (options.check) {
          if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(path);
        } else {
          writeFileSync(path, text);
        }
      }
      if (stale.length > 0) {
        throw new Error(`JSON Schema is stale (run: npx intraday config schema): ${stale.join(', ')}`);
      }
      console.log(
        options.check
          ? `config schema up to date (${Object.keys(files).length} files)`
          : `wrote ${Object.keys(files).length} schema files to ${dir}`,
      );
    });
}
