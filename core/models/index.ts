export * from './FeatureFrame.js';
export * from './mapSignals.js';
export * from './SignalModel.js';
export * from './trainingSpec.js';
