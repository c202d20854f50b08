/** The revision history of the open article: list, read-only preview, restore. */
import { DOMSerializer } from 'prosemirror-model';
import type { Article } from '../bindings/Article';
import type { Revision } from '../bindings/Revision';
import type { RevisionSummary } from '../bindings/RevisionSummary';
import { toAppError, type Backend } from '../backend/backend';
import { docFromJSON } from '../editor/body-editor';
import { rawBlockName, schema } from '../editor/schema';
import { reasonKey } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { append, clear, el, relabel, setText, tr } from './dom';

export type HistoryCallbacks = {
  /** Saves pending edits first, so the restore is based on what the user sees. */
  beforeRestore: () => Promise<boolean>;
  restored: (article: Article, revision: RevisionSummary) => void;
};

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly status: HTMLElement;

  constructor(
    private readonly backend: Backend,
    private readonly articleId: number,
    private readonly callbacks: HistoryCallbacks,
  ) {
    this.list = el('ol', { class: 'revision-list' });
    this.preview = el('div', { class: 'revision-preview', hidden: true });
    this.status = el('p', { class: 'panel-status', role: 'status' });
    this.element = el(
      'aside',
      { id: 'history-panel', class: 'side-panel history-panel', hidden: true },
      tr('h2', 'history.title', { class: 'panel-title' }),
      this.status,
      this.list,
      this.preview,
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  async toggle(): Promise<void> {
    this.element.hidden = !this.element.hidden;
    if (!this.element.hidden) await this.refresh();
  }

  async refresh(): Promise<void> {
    setText(this.status, 'history.loading');
    try {
      const revisions = await this.backend.listRevisions(this.articleId);
      clear(this.list);
      for (const revision of revisions) this.list.appendChild(this.item(revision));
      if (revisions.length === 0) setText(this.status, 'history.empty');
      else this.clearStatus();
    } catch (reason) {
      setText(this.status, 'error.generic', { message: toAppError(reason).message });
    }
  }

  private clearStatus(): void {
    this.status.textContent = '';
    delete this.status.dataset.i18n;
  }

  private item(summary: RevisionSummary): HTMLElement {
    const button = el(
      'button',
      { type: 'button', class: 'revision-item', 'data-revision-id': summary.id },
      el('span', { class: 'revision-time' }, formatVietnamTime(summary.created_at)),
      tr('span', reasonKey(summary.reason), { class: `revision-reason reason-${summary.reason}` }),
      summary.headline ? el('span', { class: 'revision-headline' }, summary.headline) : tr('span', 'library.untitled', { class: 'revision-headline untitled' }),
      tr('span', 'history.tieng', { class: 'revision-tieng' }, { count: summary.tieng }),
    );
    button.addEventListener('click', () => void this.show(summary, button));
    return el('li', {}, button);
  }

  private async show(summary: RevisionSummary, button: HTMLElement): Promise<void> {
    this.list.querySelectorAll('.revision-item.selected').forEach((b) => b.classList.remove('selected'));
    button.classList.add('selected');
    try {
      const revision = await this.backend.getRevision(summary.id);
      this.renderPreview(revision, summary);
    } catch (reason) {
      setText(this.status, 'error.generic', { message: toAppError(reason).message });
    }
  }

  private renderPreview(revision: Revision, summary: RevisionSummary): void {
    const { content } = revision;
    clear(this.preview);
    const restore = tr('button', 'history.restore', { type: 'button', class: 'btn primary small restore-revision' });
    restore.addEventListener('click', () => void this.restore(summary));
    const body = el('div', { class: 'readonly-body ProseMirror-readonly' });
    try {
      // DOMSerializer builds nodes through the schema's toDOM: text stays text, links stay safe.
      body.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(docFromJSON(content.body).content));
      // Kept WordPress blocks: the label in the interface language, as in the editor.
      body.querySelectorAll<HTMLElement>('.raw-block').forEach((block) => {
        setText(block, 'editor.rawBlock', { name: rawBlockName(block.dataset.rawBlock ?? '') });
      });
    } catch (reason) {
      setText(body, 'error.generic', { message: toAppError(reason).message });
    }
    append(
      this.preview,
      el(
        'div',
        { class: 'preview-head' },
        tr('h3', 'history.preview', { class: 'preview-title' }, { time: formatVietnamTime(revision.created_at) }),
        restore,
      ),
      el('p', { class: 'preview-headline' }, content.headline),
      el('p', { class: 'preview-sapo' }, content.sapo),
      body,
    );
    this.preview.hidden = false;
  }

  private async restore(summary: RevisionSummary): Promise<void> {
    if (!(await this.callbacks.beforeRestore())) return;
    try {
      const article = await this.backend.restoreRevision(summary.id);
      this.callbacks.restored(article, summary);
      this.preview.hidden = true;
      await this.refresh();
      setText(this.status, 'history.restored', { time: formatVietnamTime(summary.created_at) });
    } catch (reason) {
      setText(this.status, 'error.generic', { message: toAppError(reason).message });
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}
