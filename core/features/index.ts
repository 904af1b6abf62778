export * from './buildFeaturePipeline.js';
export * from './errors.js';
export * from './FeatureKind.js';
export * from './LocalClock.js';
export * from './registry.js';
export * from './resolveFeatures.js';
