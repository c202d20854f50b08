/** Number fields in the settings that save on change (check limits, photo renditions). */

/**
 * The field's value as a whole number within [min, max], shown rounded; or null, with the
 * saved value shown again. The field is written directly: when the saved value has not
 * changed, nothing in the state would redraw it.
 */
export function wholeNumberOrRestore(input: HTMLInputElement, saved: number, min: number, max: number): number | null {
  const n = Math.round(Number(input.value));
  const ok = Number.isFinite(n) && n >= min && n <= max;
  input.value = String(ok ? n : saved);
  return ok ? n : null;
}
