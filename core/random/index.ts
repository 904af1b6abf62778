export * from './Random.js';
export * from './hashString.js';
export * from './sfc32.js';
export * from './splitMix32.js';
