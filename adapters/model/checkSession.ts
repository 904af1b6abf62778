import * as ort from 'onnxruntime-node';
import type { ClassLayout } from '../../core/models/mapSignals.js';
import { ModelNoDirectionError, ModelOnnxMismatchError } from './errors.js';
import type { ModelCard } from './modelCard.js';

/** Where the card's long and short classes sit among the probability columns; MODEL_NO_DIRECTION when absent. */
export function classLayoutOf(source: string, card: ModelCard): ClassLayout {
  const classes = card.classes ?? [];
  const long = card.signal.kind === 'class_probability' ? card.signal.long : 'long';
  const short = card.signal.kind === 'class_probability' ? card.signal.short : 'short';
  const layout = { k: classes.length, long: classes.indexOf(long), short: classes.indexOf(short) };
  if (layout.long < 0 || layout.short < 0 || long === short) {
    throw new ModelNoDirectionError(source, classes, long, short);
  }
  return layout;
}

const shapeText = (shape: readonly (number | string)[]): string => `[${shape.join(', ')}]`;

/**
 * Checks the ONNX graph against its card: one float32 input of the card's name, `[N, F]` with F the number of card
 * features, and the output the card names; then runs one all-missing row and checks the output width (k class
 * probabilities, or one value). Symbolic dimensions are settled by that run.
 */
export async function checkSessionAgainstCard(
  session: ort.InferenceSession,
  card: ModelCard,
  source: string,
): Promise<void> {
  const fail = (detail: string): never => {
    throw new ModelOnnxMismatchError(source, detail);
  };
  const width = card.features.length;
  if (session.inputNames.length !== 1 || session.inputNames[0] !== card.onnx.input) {
    fail(`expected one input named "${card.onnx.input}", the graph has inputs ${JSON.stringify(session.inputNames)}`);
  }
  const input = session.inputMetadata[0]!;
  if (!input.isTensor || input.type !== 'float32') {
    fail(`input "${input.name}" must be a float32 tensor, was ${input.isTensor ? input.type : 'not a tensor'}`);
  } else if (input.shape.length !== 2 || (typeof input.shape[1] === 'number' && input.shape[1] !== width)) {
    fail(`input "${input.name}" must have shape [N, ${width}] (${width} card features), was ${shapeText(input.shape)}`);
  }
  const output = card.task === 'classification' ? card.onnx.probabilities! : card.onnx.value!;
  if (!session.outputNames.includes(output)) {
    fail(`card output "${output}" is not among the graph outputs ${JSON.stringify(session.outputNames)}`);
  }
  let result: ort.InferenceSession.ReturnType;
  try {
    const probe = new ort.Tensor('float32', new Float32Array(width).fill(Number.NaN), [1, width]);
    result = await session.run({ [card.onnx.input]: probe }, [output]);
  } catch (error) {
    return fail(`one row of ${width} features does not run (${(error as Error).message})`);
  }
  const value = result[output]!;
  const expected = card.task === 'classification' ? card.classes!.length : 1;
  if (value.type !== 'float32' || value.size !== expected) {
    fail(
      `output "${output}" must hold ${expected} float32 value${expected > 1 ? 's' : ''} per row ` +
        `(${card.task === 'classification' ? 'one probability per card class' : 'the prediction'}), ` +
        `was ${value.size} ${value.type} of shape ${shapeText(value.dims)}`,
    );
  }
}
