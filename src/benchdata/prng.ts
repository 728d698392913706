/**
 * Seeded randomness and identifiers for the benchmark data set. Everything the generator makes
 * is a function of the seed (and the as-of day), so two runs with the same seed give the same
 * rows. Each area draws from its own stream (`fork`), so changing how one area is generated does
 * not shift what the others produce.
 */

/** A 32-bit hash of a string (FNV-1a folded through murmur3's finaliser). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** murmur3's 32-bit finaliser: a cheap, well-spread bijection. */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: small, fast and good enough for synthetic data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const s = typeof seed === "string" ? hashString(seed) : seed >>> 0;
    this.a = mix32(s ^ 0x9e3779b9);
    this.b = mix32(s ^ 0x243f6a88);
    this.c = mix32(s ^ 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** An independent stream for a named area ("reports:lam-dong"). */
  fork(label: string): Rng {
    return new Rng(mix32(this.next32() ^ hashString(label)));
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** An index drawn with the given (non-negative) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }
}

/** One byte per kind of row: the first byte of its ids. */
export const idKinds = {
  tenant: 1,
  agency: 2,
  alias: 3,
  user: 4,
  document: 5,
  plan: 6,
  section: 7,
  task: 8,
  assignment: 9,
  period: 10,
  deadlineChange: 11,
  report: 12,
  evidence: 13,
  review: 14,
  taskLink: 15,
} as const;
export type IdKind = keyof typeof idKinds;

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, "0");

/**
 * Identifiers as RFC 9562 version-8 UUIDs: kind, tenant and a running index first, then bits
 * hashed from the seed. Ids of one kind and tenant therefore grow with the index, so millions
 * of rows append to the primary-key and foreign-key indexes instead of splitting random pages
 * (which, past shared_buffers, made every insert after a checkpoint log a full page).
 */
export class Ids {
  private readonly seedHash: number;
  private readonly counters = new Map<string, number>();

  constructor(seed: number) {
    this.seedHash = mix32(seed ^ 0x5bd1e995);
  }

  /** The id of the index-th row of a kind within a tenant. */
  of(kind: IdKind, tenant: number, index: number): string {
    const k = idKinds[kind];
    const h1 = mix32(this.seedHash ^ Math.imul(k, 0x27d4eb2f) ^ Math.imul(tenant + 1, 0x165667b1) ^ index);
    const h2 = mix32(h1 ^ 0x9e3779b9);
    const h3 = mix32(h2 ^ index);
    const prefix = `${(k & 0xff).toString(16).padStart(2, "0")}${(tenant & 0xff).toString(16).padStart(2, "0")}${hex8(index)}`;
    const a = hex8(h1);
    const b = hex8(h2);
    const variant = (8 | (h3 & 3)).toString(16);
    return `${prefix.slice(0, 8)}-${prefix.slice(8, 12)}-8${a.slice(0, 3)}-${variant}${a.slice(3, 6)}-${b}${hex8(h3).slice(0, 4)}`;
  }

  /** The next id of a kind within a tenant, in generation order. */
  next(kind: IdKind, tenant: number): string {
    const key = `${kind}:${tenant}`;
    const index = this.counters.get(key) ?? 0;
    this.counters.set(key, index + 1);
    return this.of(kind, tenant, index);
  }
}
