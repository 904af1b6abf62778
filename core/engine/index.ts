export * from './createEngine.js';
export * from './EngineState.js';
export * from './handleEvent.js';
