import type { ExperimentConfig } from '../../config/experiment.js';
import { Verdict, type VerdictDecision, type VerdictInput } from './Verdict.js';

/**
 * Both numbers with `minDigits` decimals, or more when that would print a value and the threshold it fails (or
 * passes) as the same text, such as 0.996 against 1. `scale` 100 prints percentages.
 */
function formatPair(value: number, threshold: number, scale = 1, minDigits = 2): [string, string] {
  let digits = minDigits;
  const show = (x: number) => (x * scale).toFixed(digits);
  while (digits < 6 && value !== threshold && show(value) === show(threshold)) digits++;
  return [show(value), show(threshold)];
}

/**
 * kill / iterate / promising from out-of-sample results and the experiment's thresholds. Kill when nothing was
 * traded (no round trip closed and no position open at the end) or the out-of-sample Sharpe is undefined or at or below kill_oos_sharpe; promising only when the deflated
 * Sharpe, the out-of-sample Sharpe and the share of folds with a positive Sharpe all reach their thresholds;
 * iterate otherwise. A NaN deflated Sharpe or fold Sharpe counts as failing its test.
 */
export function decideVerdict(input: VerdictInput, thresholds: ExperimentConfig['verdict']): VerdictDecision {
  const { oosSharpe, deflatedSharpe, foldSharpes, trades } = input;
  // A position still open at the end was traded too: its marked P&L is in the equity the Sharpe is computed from.
  if (!(trades + (input.openTrades ?? 0) > 0)) {
    return { verdict: Verdict.KILL, reasons: ['no out-of-sample trade was made, so there is nothing to evaluate'] };
  }
  if (Number.isNaN(oosSharpe)) {
    return {
      verdict: Verdict.KILL,
      reasons: ['out-of-sample Sharpe is undefined (fewer than two daily returns, or no variation)'],
    };
  }
  if (oosSharpe <= thresholds.kill_oos_sharpe) {
    const [shown, kill] = formatPair(oosSharpe, thresholds.kill_oos_sharpe);
    return {
      verdict: Verdict.KILL,
      reasons: [`out-of-sample Sharpe ${shown} is at or below the kill threshold of ${kill}`],
    };
  }
  const reasons: string[] = [];
  let passed = 0;
  const [sharpeText, sharpeNeeded] = formatPair(oosSharpe, thresholds.promising_oos_sharpe);
  if (oosSharpe >= thresholds.promising_oos_sharpe) {
    passed++;
    reasons.push(`out-of-sample Sharpe ${sharpeText} reaches the ${sharpeNeeded} needed for promising`);
  } else {
    reasons.push(`out-of-sample Sharpe ${sharpeText} is below the ${sharpeNeeded} needed for promising`);
  }
  const [deflatedText, deflatedNeeded] = formatPair(deflatedSharpe, thresholds.promising_deflated_sharpe);
  if (deflatedSharpe >= thresholds.promising_deflated_sharpe) {
    passed++;
    reasons.push(`deflated Sharpe ${deflatedText} reaches the ${deflatedNeeded} needed for promising`);
  } else if (Number.isNaN(deflatedSharpe)) {
    reasons.push(`deflated Sharpe is undefined, so it cannot reach the ${deflatedNeeded} needed for promising`);
  } else {
    reasons.push(`deflated Sharpe ${deflatedText} is below the ${deflatedNeeded} needed for promising`);
  }
  const positive = foldSharpes.filter((sharpe) => sharpe > 0).length;
  const share = foldSharpes.length === 0 ? 0 : positive / foldSharpes.length;
  const [shareText, shareNeeded] = formatPair(share, thresholds.min_positive_folds, 100, 0);
  const folds = `${positive} of ${foldSharpes.length} folds (${shareText}%) have a positive Sharpe`;
  if (foldSharpes.length > 0 && share >= thresholds.min_positive_folds) {
    passed++;
    reasons.push(`${folds}, reaching the ${shareNeeded}% needed for promising`);
  } else {
    reasons.push(`${folds}, below the ${shareNeeded}% needed for promising`);
  }
  return { verdict: passed === 3 ? Verdict.PROMISING : Verdict.ITERATE, reasons };
}
