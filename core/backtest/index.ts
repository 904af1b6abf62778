export * from './CommandRouter.js';
export * from './runBacktest.js';
export * from './simBrokerConfigFrom.js';
export * from './timeline.js';
export * from './TradeLedger.js';
