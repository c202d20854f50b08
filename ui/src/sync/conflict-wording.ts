/**
 * The words of the side-by-side chooser: each field's name, and the sides' names for the two
 * kinds of conflict (the site's post, or a version saved elsewhere in the library).
 */
import type { MessageKey } from '../i18n';

/**
 * `sync`: the other side is the site's post; `edit`: a version saved elsewhere (CLI, pull);
 * `handover`: the version in a handover file (.banthao) being imported.
 */
export type ConflictKind = 'sync' | 'edit' | 'handover';

export const FIELD_KEYS: Partial<Record<string, MessageKey>> = {
  headline: 'conflict.field.headline',
  sapo: 'conflict.field.sapo',
  section: 'conflict.field.section',
  keywords: 'conflict.field.keywords',
  byline: 'conflict.field.byline',
  dateline: 'conflict.field.dateline',
  slug: 'conflict.field.slug',
  status: 'conflict.field.status',
  editor_note: 'conflict.field.editor_note',
  featured: 'conflict.field.featured',
  scheduled_at: 'conflict.field.scheduled_at',
  body: 'conflict.field.body',
};

export type Wording = Record<'title' | 'intro' | 'base' | 'local' | 'remote' | 'keepLocal' | 'takeRemote' | 'allLocal' | 'allRemote', MessageKey>;

export const WORDING: Record<ConflictKind, Wording> = {
  sync: {
    title: 'conflict.title',
    intro: 'conflict.intro',
    base: 'conflict.base',
    local: 'conflict.local',
    remote: 'conflict.remote',
    keepLocal: 'conflict.keepLocal',
    takeRemote: 'conflict.takeRemote',
    allLocal: 'conflict.allLocal',
    allRemote: 'conflict.allRemote',
  },
  edit: {
    title: 'conflict.edit.title',
    intro: 'conflict.edit.intro',
    base: 'conflict.edit.base',
    local: 'conflict.edit.local',
    remote: 'conflict.edit.remote',
    keepLocal: 'conflict.edit.keepLocal',
    takeRemote: 'conflict.edit.takeRemote',
    allLocal: 'conflict.edit.allLocal',
    allRemote: 'conflict.edit.allRemote',
  },
  handover: {
    title: 'conflict.handover.title',
    intro: 'conflict.handover.intro',
    base: 'conflict.handover.base',
    local: 'conflict.handover.local',
    remote: 'conflict.handover.remote',
    keepLocal: 'conflict.handover.keepLocal',
    takeRemote: 'conflict.handover.takeRemote',
    allLocal: 'conflict.handover.allLocal',
    allRemote: 'conflict.handover.allRemote',
  },
};
