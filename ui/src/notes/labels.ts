/** Words the notes show for a field and a role. */
import type { NoteField } from '../bindings/NoteField';
import type { MessageKey } from '../i18n';
import { vi } from '../i18n/vi';

export const FIELD_KEYS: Record<NoteField, MessageKey> = { headline: 'editor.headline', sapo: 'editor.sapo', body: 'editor.body' };

/** The role's name (`role.editor`…); a role this version does not know shows as stored. */
export function roleKey(role: string): MessageKey | null {
  const key = `role.${role}`;
  return key in vi ? (key as MessageKey) : null;
}
