export * from './checkSignalOutput.js';
export * from './combineSignals.js';
export * from './errors.js';
export * from './SignalOutput.js';
