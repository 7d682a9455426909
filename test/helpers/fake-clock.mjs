// Test-only preload: `node --import ./test/helpers/fake-clock.mjs …` with CARBONLINT_TEST_CLOCK=2027-06-01 shifts this
// process's clock (Date.now() and `new Date()`) to that instant; time keeps running from there. Passed on through
// NODE_OPTIONS it reaches every CLI and language-server process a test spawns, so a suite can be run as if on
// another day (scripts/test-at-date.mjs). Never loaded by CarbonLint itself.
const at = Date.parse(process.env.CARBONLINT_TEST_CLOCK ?? '');
if (Number.isFinite(at)) {
  const Real = Date;
  const offset = at - Real.now();
  class ShiftedDate extends Real {
    constructor(...args) {
      if (args.length === 0) super(Real.now() + offset);
      else super(...args);
    }
    static now() {
      return Real.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
