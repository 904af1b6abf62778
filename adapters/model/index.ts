export * from './checkSession.js';
export * from './errors.js';
export * from './modelCard.js';
export * from './modelFiles.js';
export * from './ModelRegistry.js';
export * from './OnnxSignalModel.js';
export * from './readFeatureFile.js';
export * from './runTraining.js';
