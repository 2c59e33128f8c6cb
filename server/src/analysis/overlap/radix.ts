/**
 * Stable LSD radix sort of (key, value) pairs by 32-bit key, 3 passes of 11
 * bits: linear time, the two arrays sorted in place (tmp arrays of the same
 * length are reused when given). Values of equal keys keep their order.
 */
export function radixSortPairs(keys: Uint32Array, vals: Uint32Array, n: number, tmpKeys?: Uint32Array, tmpVals?: Uint32Array): void {
  if (n < 2) return;
  const tk = tmpKeys && tmpKeys.length >= n ? tmpKeys : new Uint32Array(n);
  const tv = tmpVals && tmpVals.length >= n ? tmpVals : new Uint32Array(n);
  const counts = new Uint32Array(3 * 2048);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    counts[k & 2047]!++;
    counts[2048 + ((k >>> 11) & 2047)]!++;
    counts[4096 + (k >>> 22)]!++;
  }
  let srcK = keys;
  let srcV = vals;
  let dstK = tk;
  let dstV = tv;
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * 11;
    const base = pass * 2048;
    let sum = 0;
    for (let b = 0; b < 2048; b++) {
      const c = counts[base + b]!;
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = srcK[i]!;
      const at = counts[base + ((k >>> shift) & 2047)]!++;
      dstK[at] = k;
      dstV[at] = srcV[i]!;
    }
    const sk = srcK;
    const sv = srcV;
    srcK = dstK;
    srcV = dstV;
    dstK = sk;
    dstV = sv;
  }
  // After an odd number of passes the sorted data sits in the tmp arrays.
  keys.set(srcK.subarray(0, n));
  vals.set(srcV.subarray(0, n));
}
