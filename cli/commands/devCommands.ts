import type { Command } from 'commander';
import { parseDay } from '../../core/calendar/index.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import type { FillPolicy } from '../../devtools/fakeGateway/index.js';
import { loadBarFixtures, startFakeGateway, syntheticBarFixtures } from '../../devtools/fakeGateway/index.js';
import { parseTickerList } from '../text.js';

interface FakeGatewayCommandOptions {
  readonly port: string;
  readonly bars?: string;
  readonly synthetic?: string;
  readonly start: string;
  readonly end: string;
  readonly accounts: string;
  readonly fill: string;
}

const FILL_POLICIES: Readonly<Record<string, FillPolicy>> = {
  fill: { kind: 'fill' },
  rest: { kind: 'rest' },
  reject: { kind: 'reject', reason: 'rejected by the fake gateway (--fill reject)' },
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535, was "${text}"`);
  }
  return port;
}

/** `intraday dev ...`: developer tools that production never runs. */
export function registerDevCommands(program: Command): void {
  const dev = program.command('dev').description('developer tools: fake IB gateway');

  dev
    .command('fake-gateway')
    .description('run a fake IB Gateway (TWS API, server version 193) on 127.0.0.1 until interrupted')
    .option('--port <n>', 'TCP port (0 picks a free one)', '4002')
    .option('--bars <file>', 'CSV or Parquet bars served by historical requests')
    .option('--synthetic <tickers>', 'serve seeded synthetic 5-minute bars for these tickers instead of a file')
    .option('--start <date>', 'first day of --synthetic bars, YYYY-MM-DD', '2025-01-02')
    .option('--end <date>', 'last day of --synthetic bars, YYYY-MM-DD', '2025-12-31')
    .option('--accounts <list>', 'managed accounts, comma-separated', 'DU1234567')
    .option('--fill <policy>', 'what happens to orders: fill, rest or reject', 'fill')
    .action(async (options: FakeGatewayCommandOptions) => {
      const port = parsePort(options.port);
      const fillPolicy = FILL_POLICIES[options.fill];
      if (!fillPolicy) throw new Error(`--fill must be fill, rest or reject, was "${options.fill}"`);
      if (options.bars !== undefined && options.synthetic !== undefined) {
        throw new Error('--bars and --synthetic exclude each other: give one source of bars');
      }
      let bars: BarSet | undefined;
      if (options.bars !== undefined) bars = await loadBarFixtures(options.bars);
      if (options.synthetic !== undefined) {
        bars = syntheticBarFixtures(parseTickerList(options.synthetic), parseDay(options.start), parseDay(options.end));
      }
      const accounts = options.accounts
        .split(',')
        .map((account) => account.trim())
        .filter((account) => account !== '');
      if (accounts.length === 0) {
        throw new Error(`--accounts must name at least one account, was "${options.accounts}"`);
      }
      const gateway = await startFakeGateway({ port, bars, accounts, fillPolicy, requestLogLimit: 10_000 });
      if (bars) {
        const counts = bars.batches.map((batch) => `${batch.ticker} ${batch.length}`).join(', ');
        console.log(
          `bars: ${bars.origin.kind === 'synthetic' ? 'SYNTHETIC DATA: ' : ''}${bars.origin.detail} (${counts})`,
        );
      } else {
        console.log('bars: none (historical requests get error 200; pass --bars or --synthetic)');
      }
      console.log(
        `fake gateway listening on ${gateway.host}:${gateway.port} (server version 193, accounts ${accounts.join(',')}, orders: ${options.fill})`,
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await gateway.close();
      console.log(
        `fake gateway stopped after ${gateway.requests.length} messages, ${gateway.pacing.violations.length} pacing violations`,
      );
    });
}
