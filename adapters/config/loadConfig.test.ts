import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BacktestConfigSchema } from '../../config/backtest.js';
import { ConfigError } from '../../config/errors.js';
import { REPO_ROOT } from '../../tests/support/sharedData.js';
import { loadAppConfig, loadExperiment, readConfigFile } from './loadConfig.js';

const CONFIG_DIR = join(REPO_ROOT, 'config');

function copyConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'intraday-config-'));
  cpSync(CONFIG_DIR, dir, { recursive: true });
  return dir;
}

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadAppConfig', () => {
  it('loads the committed configuration and freezes it', () => {
    const app = loadAppConfig(CONFIG_DIR);

    expect(app.system.data.source).toBe('synthetic');
    expect(Object.keys(app.features.features)).toHaveLength(44);
    expect(Object.keys(app.targets.targets)).toEqual([
      'forward_return_5',
      'direction_5',
      'direction_12',
      'volatility_regime',
      'triple_barrier_5',
    ]);
    expect(Object.isFrozen(app.risk.limits)).toBe(true);
  });

  it('reports the problems of every file at once', () => {
    const dir = copyConfig();
    writeFileSync(join(dir, 'risk.yaml'), 'limits:\n  max_drawdown_pct: -0.1\n');
    writeFileSync(join(dir, 'models.yaml'), 'models:\n  m:\n    framework: lightgbm\n');

    const problems = problemsOf(() => loadAppConfig(dir));

    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/risk\.yaml:2: limits\.max_drawdown_pct must be at least 0, was -0\.1$/);
    expect(problems[1]).toMatch(
      /models\.yaml:2: models\.m\.task is missing \(expected one of "classification", "regression"\)$|models\.yaml:\d: models\.m\.task/,
    );
  });

  it('names a missing file', () => {
    const missing = join(copyConfig(), 'nowhere');

    const problems = problemsOf(() => loadAppConfig(missing));

    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/nowhere\/system\.yaml: file not found$/);
  });
});

describe('readConfigFile', () => {
  it('names a folder given as a configuration file, even the working folder itself', () => {
    const result = readConfigFile(process.cwd(), BacktestConfigSchema);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      `${process.cwd()}: cannot be read (EISDIR: illegal operation on a directory, read)`,
    ]);
  });
});

describe('loadExperiment', () => {
  const app = loadAppConfig(CONFIG_DIR);

  it('loads both committed experiments', () => {
    const demo = loadExperiment(join(CONFIG_DIR, 'experiments', 'sma_rsi_direction.yaml'), app);
    const all = loadExperiment(join(CONFIG_DIR, 'experiments', 'all_features_direction.yaml'), app);

    expect(demo.features).toEqual(['sma_5', 'sma_20', 'rsi_14', 'volume_ratio', 'atr_14']);
    expect(demo.data.tickers).toHaveLength(3);
    expect(all.features).toBe('all');
  });

  it('names unknown features, targets and models, and a task that does not fit the target', () => {
    const dir = copyConfig();
    const file = join(dir, 'experiments', 'bad.yaml');
    writeFileSync(
      file,
      [
        'name: bad',
        'hypothesis: h',
        'data: {tickers: [AAPL], start: "2024-01-02", end: "2024-01-31"}',
        'features: [sma_5, smaa_20]',
        'target: forward_return_5',
        'model: lgbm_direction',
        '',
      ].join('\n'),
    );

    const problems = problemsOf(() => loadExperiment(file, app));

    expect(problems).toEqual([
      expect.stringMatching(/bad\.yaml: features\[1\] must be a feature of config\/features\.yaml, was "smaa_20"$/),
      expect.stringMatching(
        /bad\.yaml: model "lgbm_direction" is a classification model but target "forward_return_5" is regression$/,
      ),
    ]);
  });
});
