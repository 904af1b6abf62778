export * from './checkWalkForwardOptions.js';
export * from './errors.js';
export * from './splitWalkForward.js';
export * from './WalkForwardFold.js';
export * from './WalkForwardOptions.js';
