/**
 * Seeded randomness for the data generator: the same seed (and the same `now`) gives the same database, ids included.
 * sfc32 is small, fast and good enough for test data; one stream per concern keeps one table's shape from shifting
 * when another table's generation changes.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = 0x9e3779b9 ^ stream;
    this.b = 0x243f6a88 ^ seed;
    this.c = 0xb7e15162;
    this.d = (seed * 31 + stream) | 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A 32-bit unsigned integer. */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  between(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [v, w] of table) {
      x -= w;
      if (x < 0) return v;
    }
    return table[table.length - 1]![0];
  }

  /** Poisson-distributed count with the given mean (small means only). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.float(); p > limit; p *= this.float()) k++;
    return k;
  }
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * UUIDv7 from a timestamp and the generator's randomness: ids sort by the time given, like the app's own `newId()`,
 * and come out the same on every run.
 */
export function uuidv7At(ms: number, rng: Rng): string {
  const ts = hex(Math.max(0, Math.floor(ms)), 12);
  const randA = hex(0x7000 | (rng.next() & 0xfff), 4);
  const randB = hex(0x8000 | (rng.next() & 0x3fff), 4);
  const tail = hex(rng.next() & 0xffffff, 6) + hex(rng.next() & 0xffffff, 6);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-${randA}-${randB}-${tail}`;
}
