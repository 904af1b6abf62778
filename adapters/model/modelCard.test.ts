import { describe, expect, it } from 'vitest';
import { testCard } from '../../tests/support/modelFixtures.js';
import { parseModelCard } from './modelCard.js';

describe('parseModelCard', () => {
  it('accepts the trainer contract and keeps the fields it relies on', () => {
    const card = parseModelCard('card.json', JSON.stringify(testCard({ extra_field: 'kept by the raw text' })));

    expect(card.features).toEqual(['ret_1', 'rsi_14', 'volume_z_20']);
    expect(card.signal).toEqual({ kind: 'class_probability', long: 'long', short: 'short' });
    expect(card.onnx.probabilities).toBe('probabilities');
  });

  it('accepts a regression card with a scale', () => {
    const card = parseModelCard(
      'card.json',
      testCard({
        task: 'regression',
        target: { name: 'forward_return_5', type: 'regression', classes: null, horizon: 5 },
        classes: null,
        onnx: { input: 'input', probabilities: null, value: 'variable', opset: 15 },
        signal: { kind: 'regression_scale', scale: 0.004 },
      }),
    );

    expect(card.signal).toEqual({ kind: 'regression_scale', scale: 0.004 });
  });

  it('reports every problem with its key path and the value found', () => {
    const bad = testCard({ schema_version: 2, features: ['a', 'a'], onnx: { input: 'input', value: null, opset: 15 } });
    delete bad['created'];

    let message = '';
    try {
      parseModelCard('models/x/card.json', bad);
    } catch (error) {
      expect(error).toMatchObject({ code: 'MODEL_CARD_INVALID' });
      message = (error as Error).message;
    }

    expect(message).toMatch(/^models\/x\/card\.json: invalid model card:/);
    expect(message).toContain('schema_version: Invalid input: expected 1, was 2');
    expect(message).toContain('features: feature names must be unique, was ["a","a"]');
    expect(message).toContain('onnx.probabilities: Invalid input: expected string, received undefined, was missing');
    expect(message).toContain('created: Invalid input: expected string, received undefined, was missing');
  });

  it('refuses a classification card without class labels or a regression card without a scale', () => {
    expect(() => parseModelCard('c', testCard({ classes: null }))).toThrow(
      'classes: a classification model needs its class labels, was null',
    );
    expect(() =>
      parseModelCard(
        'c',
        testCard({
          task: 'regression',
          target: { name: 'forward_return_5', type: 'regression', classes: null, horizon: 5 },
          onnx: { input: 'input', probabilities: null, value: 'variable', opset: 15 },
        }),
      ),
    ).toThrow('signal.kind: must be "regression_scale" for regression, was "class_probability"');
  });

  it('names text that is not JSON', () => {
    expect(() => parseModelCard('dir/card.json', '{oops')).toThrow(
      /^dir\/card\.json: invalid model card:\n {2}not JSON/,
    );
  });
});
