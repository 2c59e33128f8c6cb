/** Growable typed arrays (amortised doubling) for results whose size is known only at the end. */
export class U32 {
  n = 0;
  a: Uint32Array;
  constructor(capacity = 1024) {
    this.a = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.a.length) return;
    const next = new Uint32Array(Math.max(this.a.length * 2, this.n + extra));
    next.set(this.a.subarray(0, this.n));
    this.a = next;
  }
  /** A right-sized copy (transferable). */
  done(): Uint32Array {
    return this.a.slice(0, this.n);
  }
}

export class I32 {
  n = 0;
  a: Int32Array;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  reserve(extra: number): void {
    if (this.n + extra <= this.a.length) return;
    const next = new Int32Array(Math.max(this.a.length * 2, this.n + extra));
    next.set(this.a.subarray(0, this.n));
    this.a = next;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}
