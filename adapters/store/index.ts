export * from './BarStore.js';
export * from './blobLock.js';
export * from './checkAppend.js';
export * from './errors.js';
export * from './FeatureStore.js';
export * from './PartitionCodec.js';
export * from './SeriesStore.js';
export * from './storeNames.js';
