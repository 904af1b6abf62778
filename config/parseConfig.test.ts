import { describe, expect, it } from 'vitest';
import { BacktestConfigSchema } from './backtest.js';
import { ConfigError } from './errors.js';
import { ExperimentConfigSchema } from './experiment.js';
import { ModelsConfigSchema } from './models.js';
import { parseConfigOrThrow, parseConfigText } from './parseConfig.js';
import { RiskConfigSchema } from './risk.js';
import { SystemConfigSchema } from './system.js';

function problems(file: string, text: string, schema: Parameters<typeof parseConfigText>[2]): string[] {
  const result = parseConfigText(file, text, schema);
  expect(result.ok, 'the text is invalid on purpose').toBe(false);
  return result.ok ? [] : result.problems;
}

describe('parseConfigText', () => {
  it('names file, line, key, expectation and the value found for a wrong type', () => {
    const found = problems('config/risk.yaml', 'limits:\n  max_position_pct: five\n', RiskConfigSchema);

    expect(found).toEqual(['config/risk.yaml:2: limits.max_position_pct must be a number, was "five"']);
  });

  it('reports every problem of a file at once', () => {
    const text = 'limits:\n  max_positions: -3\n  bogus: 1\nsizing:\n  base_size_pct: 2\n';

    const found = problems('config/risk.yaml', text, RiskConfigSchema);

    expect(found).toHaveLength(3);
    expect(found).toContain('config/risk.yaml:2: limits.max_positions must be greater than 0, was -3');
    expect(found).toContain('config/risk.yaml:5: sizing.base_size_pct must be at most 1, was 2');
    expect(found.find((line) => line.includes('bogus'))).toMatch(
      /^config\/risk\.yaml:3: limits\.bogus is not a known key \(expected one of: max_position_pct, .*kill_switch\)$/,
    );
  });

  it('explains a badly formatted date and a lower-case ticker', () => {
    const text =
      'name: demo\nhypothesis: h\ndata:\n  tickers: [aapl]\n  start: 2024/01/02\n  end: 2024-12-31\nfeatures: all\ntarget: direction_5\nmodel: m\n';

    const found = problems('config/experiments/demo.yaml', text, ExperimentConfigSchema);

    expect(found).toEqual([
      'config/experiments/demo.yaml:4: data.tickers[0] must be an upper-case ticker symbol such as AAPL or BRK.B, was "aapl"',
      'config/experiments/demo.yaml:5: data.start must be a date written as YYYY-MM-DD, was "2024/01/02"',
    ]);
  });

  it('names a missing required key', () => {
    const found = problems(
      'config/experiments/x.yaml',
      'name: x\nhypothesis: h\nfeatures: all\ntarget: t\nmodel: m\n',
      ExperimentConfigSchema,
    );

    expect(found).toEqual(['config/experiments/x.yaml:1: data is missing (expected a mapping)']);
  });

  it('lists the allowed values of an enumeration', () => {
    const found = problems(
      'config/models.yaml',
      'models:\n  m1:\n    framework: catboost\n    task: classification\n',
      ModelsConfigSchema,
    );

    expect(found).toEqual([
      'config/models.yaml:3: models.m1.framework must be one of "lightgbm", "xgboost", was "catboost"',
    ]);
  });

  it('lists the choices of a tagged variant (slippage.model) in plain words, missing or wrong', () => {
    const missing = problems('backtest.yaml', 'slippage:\n  bps: 3\n', BacktestConfigSchema);
    const wrong = problems('backtest.yaml', 'slippage: { model: foo }\n', BacktestConfigSchema);

    expect(missing).toEqual([
      'backtest.yaml:1: slippage.model is missing (expected one of "none", "fixed_bps", "half_spread", "volume_participation")',
    ]);
    expect(wrong).toEqual([
      'backtest.yaml:1: slippage.model must be one of "none", "fixed_bps", "half_spread", "volume_participation", was "foo"',
    ]);
  });

  it('names the accepted types of a value that may be a number, a text or a boolean', () => {
    const found = problems(
      'config/models.yaml',
      'models:\n  m1:\n    framework: lightgbm\n    task: classification\n    params: { num_leaves: [1, 2] }\n',
      ModelsConfigSchema,
    );

    expect(found).toEqual([
      'config/models.yaml:5: models.m1.params.num_leaves must be a number, a string or a boolean, was a list of 2',
    ]);
  });

  it('refuses a time zone that does not exist instead of keeping it unchecked', () => {
    const found = problems('config/system.yaml', 'data:\n  timezone: Mars/Olympus\n', SystemConfigSchema);

    expect(found).toEqual([
      'config/system.yaml:2: data.timezone must be an IANA time zone such as America/New_York or UTC, was "Mars/Olympus"',
    ]);
  });

  it('reports YAML syntax errors with the line', () => {
    const found = problems('config/system.yaml', 'data:\n  source: [synthetic\n', SystemConfigSchema);

    expect(found[0]).toMatch(/^config\/system\.yaml:\d+: YAML syntax error: /);
  });

  it('rejects duplicate keys instead of keeping the last one silently', () => {
    const found = problems('config/system.yaml', 'data:\n  bar: 5m\n  bar: 1m\n', SystemConfigSchema);

    expect(found[0]).toMatch(/^config\/system\.yaml:3: YAML syntax error: .*[Uu]nique/);
  });

  it('fills defaults for an empty file', () => {
    const result = parseConfigText('config/system.yaml', '', SystemConfigSchema);

    expect(result.ok && result.value.data.source).toBe('synthetic');
    expect(result.ok && result.value.synthetic.seed).toBe(7);
  });

  it('throws a ConfigError with a frozen result otherwise', () => {
    const value = parseConfigOrThrow('config/risk.yaml', 'limits:\n  max_positions: 5\n', RiskConfigSchema);

    expect(value.limits.max_positions).toBe(5);
    expect(Object.isFrozen(value.limits)).toBe(true);
    expect(() => parseConfigOrThrow('config/risk.yaml', 'limits: 3\n', RiskConfigSchema)).toThrow(ConfigError);
  });
});
