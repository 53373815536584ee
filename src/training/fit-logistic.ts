/**
 * Logistic regression by Newton's method on rows of `dims` features (the last usually a
 * constant 1), with a small ridge for stability. Used for the span context calibration; small
 * (five weights), so a few thousand tokens fit it without overfitting.
 */
export function fitLogistic(
  x: Float64Array,
  y: ArrayLike<number>,
  dims: number,
  initial: readonly number[],
  ridge = 1e-3,
): number[] {
  const n = y.length;
  const w = [...initial];
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = new Float64Array(dims);
    const hess = new Float64Array(dims * dims);
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let d = 0; d < dims; d++) z += (w[d] ?? 0) * (x[i * dims + d] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = p - (y[i] ?? 0);
      const s = p * (1 - p);
      for (let a = 0; a < dims; a++) {
        const xa = x[i * dims + a] ?? 0;
        grad[a] = (grad[a] ?? 0) + r * xa;
        for (let b = 0; b < dims; b++)
          hess[a * dims + b] = (hess[a * dims + b] ?? 0) + s * xa * (x[i * dims + b] ?? 0);
      }
    }
    for (let a = 0; a < dims; a++) {
      grad[a] = (grad[a] ?? 0) + ridge * (w[a] ?? 0);
      hess[a * dims + a] = (hess[a * dims + a] ?? 0) + ridge;
    }
    const step = solve(hess, grad, dims);
    let moved = 0;
    for (let d = 0; d < dims; d++) {
      w[d] = (w[d] ?? 0) - (step[d] ?? 0);
      moved = Math.max(moved, Math.abs(step[d] ?? 0));
    }
    if (moved < 1e-9) break;
  }
  return w;
}

/** Solves A x = b (A dims x dims, row-major) by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array, b: Float64Array, dims: number): Float64Array {
  const m = Float64Array.from(a);
  const v = Float64Array.from(b);
  for (let col = 0; col < dims; col++) {
    let pivot = col;
    for (let r = col + 1; r < dims; r++)
      if (Math.abs(m[r * dims + col] ?? 0) > Math.abs(m[pivot * dims + col] ?? 0)) pivot = r;
    if (pivot !== col) {
      for (let c = 0; c < dims; c++) {
        const tmp = m[col * dims + c] ?? 0;
        m[col * dims + c] = m[pivot * dims + c] ?? 0;
        m[pivot * dims + c] = tmp;
      }
      const tmp = v[col] ?? 0;
      v[col] = v[pivot] ?? 0;
      v[pivot] = tmp;
    }
    const diag = m[col * dims + col] ?? 1;
    for (let r = 0; r < dims; r++) {
      if (r === col) continue;
      const f = (m[r * dims + col] ?? 0) / diag;
      if (f === 0) continue;
      for (let c = col; c < dims; c++)
        m[r * dims + c] = (m[r * dims + c] ?? 0) - f * (m[col * dims + c] ?? 0);
      v[r] = (v[r] ?? 0) - f * (v[col] ?? 0);
    }
  }
  const out = new Float64Array(dims);
  for (let d = 0; d < dims; d++) out[d] = (v[d] ?? 0) / (m[d * dims + d] ?? 1);
  return out;
}
