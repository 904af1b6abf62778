import type { AppConfig } from './configFiles.js';
import type { ExperimentConfig } from './experiment.js';

/**
 * Checks that an experiment names features, a target and a model that exist, and that the model's task
 * fits the target's type. Returns one line per problem, naming the file and the key.
 */
export function checkExperiment(file: string, experiment: ExperimentConfig, app: AppConfig): string[] {
  const problems: string[] = [];
  const features = Object.keys(app.features.features);
  if (experiment.features !== 'all') {
    experiment.features.forEach((name, index) => {
      if (!features.includes(name)) {
        problems.push(`${file}: features[${index}] must be a feature of config/features.yaml, was "${name}"`);
      }
    });
  }
  const target = app.targets.targets[experiment.target];
  if (!target) {
    const known = Object.keys(app.targets.targets).join(', ');
    problems.push(`${file}: target must be a target of config/targets.yaml (${known}), was "${experiment.target}"`);
  }
  const model = app.models.models[experiment.model];
  if (!model) {
    const known = Object.keys(app.models.models).join(', ');
    problems.push(`${file}: model must be a model of config/models.yaml (${known}), was "${experiment.model}"`);
  }
  if (target && model && target.type !== model.task) {
    problems.push(
      `${file}: model "${experiment.model}" is a ${model.task} model but target "${experiment.target}" is ${target.type}`,
    );
  }
  if (experiment.data.start > experiment.data.end) {
    problems.push(
      `${file}: data.start must not be after data.end, was ${experiment.data.start} > ${experiment.data.end}`,
    );
  }
  if (experiment.data.source !== 'synthetic' && experiment.data.source !== 'ibkr' && !experiment.data.path) {
    problems.push(`${file}: data.path is required for a ${experiment.data.source} source`);
  }
  return problems;
}
