/**
 * Decomposed input ("Unicode tổ hợp": a letter, then each combining mark as text of its own)
 * composed to NFC in plain fields as it is typed, the way the body does it
 * (`editor/compose-marks.ts`). The checks count offsets in NFC, so a headline held decomposed
 * would put their markers and quick fixes on the wrong letters.
 */

/**
 * Rewrites a text field's value in NFC if it is not, changing only the part that differs (as an
 * edit of the field's own, so Ctrl+Z takes it back with the key that made it) and keeping the
 * caret after the same letter. Returns whether it changed anything.
 */
export function composeInField(field: HTMLTextAreaElement | HTMLInputElement): boolean {
  const { value } = field;
  const nfc = value.normalize('NFC');
  if (nfc === value) return false;
  const caret = value.slice(0, field.selectionEnd ?? value.length).normalize('NFC').length;
  let start = 0;
  while (start < nfc.length && value[start] === nfc[start]) start++;
  let end = value.length;
  let endNfc = nfc.length;
  while (end > start && endNfc > start && value[end - 1] === nfc[endNfc - 1]) {
    end--;
    endNfc--;
  }
  const replacement = nfc.slice(start, endNfc);
  field.setSelectionRange(start, end);
  // execCommand keeps the field's undo history; where it is missing (jsdom), set the text.
  const edited = typeof document.execCommand === 'function' && document.execCommand('insertText', false, replacement);
  if (!edited) field.setRangeText(replacement, start, end);
  if (field.value !== nfc) field.value = nfc;
  field.setSelectionRange(caret, caret);
  return true;
}
