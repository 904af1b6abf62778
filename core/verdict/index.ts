export * from './decideVerdict.js';
export * from './Verdict.js';
