import { describe, expect, it } from 'vitest';
import { renderRiskMessage } from './renderRiskMessage.js';

describe('renderRiskMessage', () => {
  it('renders CODE: key=value pairs in insertion order', () => {
    const message = renderRiskMessage('RISK_MAX_POSITION', { maxShares: 100, price: 50.25, flag: true, note: null });

    expect(message).toBe('RISK_MAX_POSITION: maxShares=100, price=50.25, flag=true, note=null');
  });

  it('quotes text with spaces, commas or equals signs, and empty text', () => {
    const message = renderRiskMessage('RISK_X', { a: 'two words', b: 'x,y', c: 'k=v', d: '', e: 'AAPL' });

    expect(message).toBe('RISK_X: a="two words", b="x,y", c="k=v", d="", e=AAPL');
  });

  it('renders the bare code without details', () => {
    expect(renderRiskMessage('RISK_APPROVED', {})).toBe('RISK_APPROVED');
  });
});
