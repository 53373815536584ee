import * as ort from 'onnxruntime-node';

/**
 * The only place an onnxruntime session is created (transformers.js creates its own, with
 * SESSION_OPTIONS passed through). One intra-op and one inter-op thread per
 * session: parallelism comes from worker threads, and single-threaded kernels are what makes a
 * row's scores independent of the batch it travels in (auditors replay runs bit for bit).
 */
export const SESSION_OPTIONS: Readonly<ort.InferenceSession.SessionOptions> = Object.freeze({
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  enableCpuMemArena: true,
});

export async function createInferenceSession(
  model: string | Uint8Array,
): Promise<ort.InferenceSession> {
  const options: ort.InferenceSession.SessionOptions = { ...SESSION_OPTIONS };
  return typeof model === 'string'
    ? ort.InferenceSession.create(model, options)
    : ort.InferenceSession.create(model, options);
}

export { ort };
