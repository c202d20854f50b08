/**
 * The desk in memory, for tests and the browser: the workflow's allowed steps and their
 * needs, transitions, notes (anchors kept as given: the Rust library moves them on edits),
 * the checklist, queues and a word diff between versions. Rust (`banthao_core::desk`) is the
 * reference; this mirrors what the UI relies on.
 */
import type { Article } from '../bindings/Article';
import type { ArticleDiff } from '../bindings/ArticleDiff';
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { Checklist } from '../bindings/Checklist';
import type { DiffPiece } from '../bindings/DiffPiece';
import type { FieldDiff } from '../bindings/FieldDiff';
import type { NewNote } from '../bindings/NewNote';
import type { NextStep } from '../bindings/NextStep';
import type { Note } from '../bindings/Note';
import type { Queue } from '../bindings/Queue';
import type { QueueItem } from '../bindings/QueueItem';
import type { Revision } from '../bindings/Revision';
import type { RevisionContent } from '../bindings/RevisionContent';
import type { Role } from '../bindings/Role';
import type { StatusChange } from '../bindings/StatusChange';
import type { Transition } from '../bindings/Transition';
import type { UserProfile } from '../bindings/UserProfile';
import { jsonBlocks, NOTE_BLOCKS } from '../checks/blocks';
import { nowRfc3339 } from '../text/time';
import { AppError, type ArticleChanges } from './backend';
import { incompleteFigureIndexes } from './memory-photos';

const NEXT: Record<ArticleStatus, ArticleStatus[]> = {
  draft: ['submitted'],
  submitted: ['in_review', 'returned', 'draft'],
  in_review: ['approved', 'returned'],
  returned: ['submitted'],
  approved: ['scheduled', 'published', 'in_review'],
  scheduled: ['published', 'approved'],
  published: ['in_review'],
};
const CHECKED: ArticleStatus[] = ['approved', 'scheduled', 'published'];

export type DeskHost = {
  article(id: number): Article;
  articles(): Article[];
  revisions(id: number): Revision[];
  save(id: number, patch: ArticleChanges): Article;
  user(): UserProfile;
  now(): number;
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const noteText = (doc: Article['body']): string[] => jsonBlocks(doc, NOTE_BLOCKS);

export class MemoryDesk {
  private transitions: Transition[] = [];
  private notes: Array<Note & { parent: number | null }> = [];
  private accepted = new Map<string, Set<string>>();
  private nextId = 1;

  constructor(private readonly host: DeskHost) {}

  nextSteps(id: number): NextStep[] {
    return NEXT[this.host.article(id).status].map((to) => ({
      to,
      needs_note: to === 'returned',
      needs_time: to === 'scheduled',
      needs_checklist: CHECKED.includes(to),
    }));
  }

  changeStatus(id: number, change: StatusChange): Article {
    const a = this.host.article(id);
    const to = change.to;
    if (!to) throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: no status to go to');
    if (!NEXT[a.status].includes(to)) throw new AppError('workflow_refused', `Không thể chuyển bài từ “${a.status}” sang “${to}”.`);
    const note = (change.note ?? '').trim();
    if (to === 'returned' && !note) throw new AppError('workflow_refused', 'Trả lại bài cần một ghi chú cho phóng viên: hãy viết cần sửa gì.');
    if (to === 'scheduled' && !change.scheduled_at) throw new AppError('workflow_refused', 'Hẹn giờ cần có thời điểm đăng.');
    if (to === 'submitted' && incompleteFigureIndexes(a.body).length > 0) {
      const list = incompleteFigureIndexes(a.body).map((i) => i + 1).join(', ');
      throw new AppError('incomplete_figures', `Trước khi gửi duyệt, mỗi ảnh cần có chú thích, tác giả ảnh và mô tả thay thế (ảnh số ${list}).`);
    }
    let overridden: string[] = [];
    if (CHECKED.includes(to)) {
      overridden = this.checklist(id).items.filter((i) => !i.ok).map((i) => i.key);
      if (overridden.length > 0 && !(change.override_note ?? '').trim()) {
        throw new AppError('workflow_refused', `Còn ${overridden.length} mục chưa đạt trong danh sách kiểm tra trước khi đăng (${overridden.join(', ')}).`);
      }
    }
    const saved = this.host.save(id, {
      base_version: a.version,
      status: to,
      ...(to === 'scheduled' ? { scheduled_at: change.scheduled_at ?? '' } : {}),
    });
    const user = this.host.user();
    this.transitions.push({
      id: this.nextId++,
      article_id: id,
      at: saved.updated_at,
      actor: user.name || '?',
      role: user.role,
      from: a.status,
      to,
      note: [note, overridden.length ? (change.override_note ?? '').trim() : ''].filter(Boolean).join('\n'),
      overridden,
      scheduled_at: to === 'scheduled' ? saved.scheduled_at : null,
    });
    return saved;
  }

  listTransitions(id: number): Transition[] {
    this.host.article(id);
    return clone(this.transitions.filter((t) => t.article_id === id));
  }

  checklist(id: number): Checklist {
    const a = this.host.article(id);
    const figures = incompleteFigureIndexes(a.body).length;
    const notes = this.notes.filter((n) => n.article_id === id && n.parent === null && !n.resolved).length;
    const items = [
      { key: 'headline', ok: a.headline !== '', count: 0 },
      { key: 'sapo', ok: a.sapo !== '', count: 0 },
      { key: 'section', ok: a.section !== '', count: 0 },
      { key: 'figures', ok: figures === 0, count: figures },
      { key: 'findings', ok: true, count: 0 },
      { key: 'notes', ok: notes === 0, count: notes },
    ];
    return { items, all_ok: items.every((i) => i.ok) };
  }

  listNotes(id: number): Note[] {
    this.host.article(id);
    const top = this.notes.filter((n) => n.article_id === id && n.parent === null);
    return top.map((n) => this.publicNote(n));
  }

  private publicNote(n: Note & { parent: number | null }): Note {
    const { parent: _parent, ...note } = clone(n);
    note.replies = this.notes.filter((r) => r.parent === n.id).map((r) => this.publicNote(r));
    return note;
  }

  addNote(id: number, input: NewNote): Note {
    const a = this.host.article(id);
    const text = (input.text ?? '').normalize('NFC').trim();
    if (!text) throw new AppError('invalid_input', 'Dữ liệu không hợp lệ: a note needs some text');
    const parent = input.reply_to ?? null;
    if (parent !== null && !this.notes.some((n) => n.id === parent && n.parent === null && n.article_id === id)) {
      throw new AppError('not_found', `Không tìm thấy ghi chú ${parent}.`);
    }
    const anchor = parent === null ? (input.anchor ?? null) : null;
    let quote = '';
    if (anchor) {
      const field =
        anchor.field === 'headline' ? a.headline : anchor.field === 'sapo' ? a.sapo : noteText(a.body)[anchor.block];
      const chars = field === undefined ? [] : [...field];
      if (anchor.start >= anchor.end || anchor.end > chars.length) {
        throw new AppError('invalid_input', "Dữ liệu không hợp lệ: the note's place is not in the article's text");
      }
      quote = chars.slice(anchor.start, anchor.end).join('');
    }
    const user = this.host.user();
    const note = {
      id: this.nextId++,
      article_id: id,
      parent,
      text,
      quote,
      anchor,
      detached: false,
      photo_request: parent === null && !!input.photo_request,
      resolved: false,
      resolved_by: null,
      author: user.name || '?',
      role: user.role,
      created_at: nowRfc3339(this.host.now()),
      replies: [],
    };
    this.notes.push(note);
    return this.publicNote(this.notes.find((n) => n.id === (parent ?? note.id))!);
  }

  setNoteResolved(noteId: number, resolved: boolean): Note {
    const note = this.notes.find((n) => n.id === noteId && n.parent === null);
    if (!note) throw new AppError('not_found', `Không tìm thấy ghi chú ${noteId}.`);
    note.resolved = resolved;
    note.resolved_by = resolved ? this.host.user().name || '?' : null;
    return this.publicNote(note);
  }

  deleteNote(noteId: number): void {
    if (!this.notes.some((n) => n.id === noteId)) throw new AppError('not_found', `Không tìm thấy ghi chú ${noteId}.`);
    this.notes = this.notes.filter((n) => n.id !== noteId && n.parent !== noteId);
  }

  queue(role: Role): Queue {
    const user = this.host.user();
    const item = (a: Article): QueueItem => {
      const open = this.notes.filter((n) => n.article_id === a.id && n.parent === null && !n.resolved);
      const since = [...this.transitions].reverse().find((t) => t.article_id === a.id && t.to === a.status)?.at ?? a.updated_at;
      return {
        article: { id: a.id, headline: a.headline, section: a.section, status: a.status, updated_at: a.updated_at, byline: a.byline },
        byline: a.byline,
        waiting_since: since,
        open_notes: open.length,
        incomplete_figures: incompleteFigureIndexes(a.body).length,
        photo_requests: open.filter((n) => n.photo_request).length,
      };
    };
    const group = (key: string, statuses: ArticleStatus[], oldestFirst: boolean) => {
      const items = this.host
        .articles()
        .filter((a) => statuses.includes(a.status))
        .map(item)
        .sort((x, y) =>
          oldestFirst ? x.waiting_since.localeCompare(y.waiting_since) : y.article.updated_at.localeCompare(x.article.updated_at),
        );
      return { key, count: items.length, items };
    };
    const groups =
      role === 'reporter'
        ? [group('returned', ['returned'], false), group('drafts', ['draft'], false), group('waiting', ['submitted', 'in_review'], true)]
        : role === 'editor'
          ? [group('submitted', ['submitted'], true), group('in_review', ['in_review'], true)]
          : [
              (() => {
                const g = group('photos', ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled'], true);
                g.items = g.items.filter((i) => i.incomplete_figures > 0 || i.photo_requests > 0);
                g.count = g.items.length;
                return g;
              })(),
            ];
    return { role, user: user.name, groups };
  }

  diffArticle(id: number, from: number | null, to: number | null): ArticleDiff {
    const revisions = this.host.revisions(id);
    const submittedAt = [...this.transitions].reverse().find((t) => t.article_id === id && t.to === 'submitted')?.at;
    const fromRev =
      from ?? ([...revisions].reverse().find((r) => submittedAt !== undefined && r.created_at <= submittedAt) ?? revisions[0])!.id;
    const old = revisions.find((r) => r.id === fromRev);
    if (!old) throw new AppError('not_found', `Không tìm thấy phiên bản ${fromRev}.`);
    const a = this.host.article(id);
    const now: RevisionContent = to === null ? a : revisions.find((r) => r.id === to)!.content;
    const fields: FieldDiff[] = [
      fieldDiff('headline', null, old.content.headline, now.headline),
      fieldDiff('sapo', null, old.content.sapo, now.sapo),
    ];
    const [before, after] = [noteText(old.content.body), noteText(now.body)];
    after.forEach((text, i) => fields.push(fieldDiff('body', i, before[i] ?? '', text)));
    const accepted = [...(this.accepted.get(`${id}:${fromRev}`) ?? [])];
    return { article_id: id, from: fromRev, to, version: a.version, fields, accepted };
  }

  acceptChange(id: number, from: number, change: string): ArticleDiff {
    const key = `${id}:${from}`;
    if (!this.accepted.has(key)) this.accepted.set(key, new Set());
    this.accepted.get(key)!.add(change);
    return this.diffArticle(id, from, null);
  }

  rejectChange(id: number, from: number, change: string, baseVersion: number): Article {
    const diff = this.diffArticle(id, from, null);
    const field = diff.fields.find((f) => f.pieces.some((p) => p.change === change));
    if (!field) throw new AppError('invalid_input', `Dữ liệu không hợp lệ: no change '${change}'`);
    const text = field.pieces.filter((p) => p.op === 'equal' || (p.change === change ? p.op === 'delete' : p.op === 'insert')).map((p) => p.text).join('');
    if (field.field === 'headline') return this.host.save(id, { base_version: baseVersion, headline: text });
    if (field.field === 'sapo') return this.host.save(id, { base_version: baseVersion, sapo: text });
    const a = this.host.article(id);
    const body = clone(a.body);
    let index = 0;
    const walk = (n: typeof body): void => {
      if (n.type === 'paragraph' || n.type === 'heading' || n.type === 'figcaption') {
        if (index++ === field.block) n.content = text ? [{ type: 'text', text }] : [];
        return;
      }
      (n.content ?? []).forEach(walk);
    };
    walk(body);
    return this.host.save(id, { base_version: baseVersion, body });
  }
}

/** Words and spaces diffed by longest common subsequence; changes numbered per field. */
function fieldDiff(field: 'headline' | 'sapo' | 'body', block: number | null, before: string, after: string): FieldDiff {
  const split = (s: string) => s.match(/\s+|[^\s]+/gu) ?? [];
  const [a, b] = [split(before), split(after)];
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pieces: DiffPiece[] = [];
  let n = 0;
  let open = false;
  const push = (op: DiffPiece['op'], text: string) => {
    if (op === 'equal') open = false;
    else if (!open) {
      open = true;
      n++;
    }
    const change = op === 'equal' ? undefined : `${field}:${block === null ? '' : `${block}:`}${n - 1}`;
    const last = pieces[pieces.length - 1];
    if (last && last.op === op && last.change === change) last.text += text;
    else pieces.push(change === undefined ? { op, text } : { op, text, change });
  };
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('equal', a[i]!);
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) push('insert', b[j++]!);
    else push('delete', a[i++]!);
  }
  return { field, block, old_block: block, kind: block === null ? null : 'paragraph', pieces, changed: n > 0 };
}
