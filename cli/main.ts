import { Command, CommanderError } from 'commander';
import { registerBacktestCommands } from './commands/backtestCommands.js';
import { registerConfigCommands } from './commands/configCommands.js';
import { registerDataCommands } from './commands/dataCommands.js';
import { registerDbCommands } from './commands/dbCommands.js';
import { registerDevCommands } from './commands/devCommands.js';
import { registerExperimentCommands } from './commands/experimentCommands.js';
import { registerFeatureCommands } from './commands/featureCommands.js';
import { registerFetchCommands } from './commands/fetchCommands.js';
import { registerModelCommands } from './commands/modelCommands.js';
import { registerStoreCommands } from './commands/storeCommands.js';

/** Builds the `intraday` command tree; each area registers its own subcommands. */
export function buildProgram(): Command {
  const program = new Command('intraday')
    .description('Intraday trading research: data, features, targets, experiments')
    .option('--config-dir <dir>', 'configuration folder (default: INTRADAY_CONFIG_DIR or the package config/)')
    .showHelpAfterError()
    .exitOverride();
  registerDataCommands(program);
  registerFeatureCommands(program);
  registerFetchCommands(program);
  registerBacktestCommands(program);
  registerModelCommands(program);
  registerConfigCommands(program);
  registerStoreCommands(program);
  registerDbCommands(program);
  registerDevCommands(program);
  registerExperimentCommands(program);
  return program;
}

/** Entry point used by bin/intraday.js. */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
