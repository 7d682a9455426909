// One budget for inspecting keystores: key-derivation iterations, bytes deciphered and wall-clock time, charged
// where the work is done (the KDF, PBKDF2 and cipher hooks in forge-native.ts), so no encoding can hide work from
// it — a count behind a BER indefinite length, in a constructed OCTET STRING or in a safe that is only visible
// after decryption is charged when forge gets to it, before the work runs. inspect.ts runs the whole inspection of
// one configuration file under one budget; a reader called on its own gets a fresh one.

export interface BudgetLimits {
  /** Key-derivation iterations (PKCS#12 KDF and PBKDF2, per hash block derived). */
  iterations: number;
  /** Bytes deciphered (every encrypted safe and shrouded key). */
  bytes: number;
  /** Wall-clock milliseconds. */
  ms: number;
}

/**
 * The shipped IS 7.x stores need 160,000 iterations each (about 0.2 s with native hashes); a deployment names a few
 * stores. 1,000,000 iterations take about 1.2 s.
 */
export const KEYSTORE_BUDGET: BudgetLimits = { iterations: 1_000_000, bytes: 8 * 1024 * 1024, ms: 10_000 };

export class BudgetExceeded extends Error {
  /** `attempted`: the charge that did not fit (0 for time). */
  constructor(readonly what: keyof BudgetLimits, readonly limit: number, readonly attempted = 0) {
    super(`the keystore inspection budget of ${limit.toLocaleString('en-US')} ${what === 'ms' ? 'ms' : what} is spent`);
  }
}

export class Budget {
  readonly spent = { iterations: 0, bytes: 0 };
  private readonly deadline: number;
  constructor(readonly limits: BudgetLimits = KEYSTORE_BUDGET, private readonly now: () => number = Date.now) {
    this.deadline = now() + limits.ms;
  }
  /** Charges work about to be done; throws BudgetExceeded (before the work) when it does not fit. */
  charge(what: 'iterations' | 'bytes', n: number): void {
    if (!(n >= 0) || !Number.isFinite(n)) n = Number.POSITIVE_INFINITY;
    if (this.spent[what] + n > this.limits[what]) throw new BudgetExceeded(what, this.limits[what], n);
    this.spent[what] += n;
    this.checkTime();
  }
  checkTime(): void {
    if (this.now() > this.deadline) throw new BudgetExceeded('ms', this.limits.ms);
  }
}

let active: Budget | undefined;

/** Runs `fn` under `budget` (the innermost call wins; synchronous work only). */
export function withBudget<T>(budget: Budget, fn: () => T): T {
  const outer = active;
  active = budget;
  try {
    return fn();
  } finally {
    active = outer;
  }
}

/** The budget in force, or a fresh one for `fn` when there is none. */
export function underBudget<T>(fn: () => T): T {
  return active ? fn() : withBudget(new Budget(), fn);
}

/** Charges the budget in force (the forge hooks call this); no budget in force means nothing is inspected now. */
export function charge(what: 'iterations' | 'bytes', n: number): void {
  active?.charge(what, n);
}

export function activeBudget(): Budget | undefined {
  return active;
}
