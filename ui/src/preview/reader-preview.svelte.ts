/**
 * "Xem trước": the open article as a reader sees it, in a full-window dialog (PreviewDialog).
 * Pending edits are saved first, so the page shows what was typed; closing gives the focus
 * back to the button that opened it.
 */
import { tick } from 'svelte';
import { toAppError, type AppError } from '../backend/backend';

export type PreviewSource = {
  /** Saves the pending edit; false when it could not be saved (the editor says why). */
  save: () => Promise<boolean>;
  /** The reader page: a whole HTML document, escaped, without script. */
  page: () => Promise<string>;
  failed: (error: AppError) => void;
};

export class ReaderPreview {
  /** The page shown; null while the dialog is closed. */
  html = $state.raw<string | null>(null);
  opening = $state(false);
  private opener: HTMLElement | null = null;

  constructor(private readonly source: PreviewSource) {}

  get isOpen(): boolean {
    return this.html !== null;
  }

  async open(opener: HTMLElement | null): Promise<void> {
    if (this.opening || this.isOpen) return;
    this.opening = true;
    try {
      if (!(await this.source.save())) return;
      const html = await this.source.page();
      this.opener = opener;
      this.html = html;
    } catch (reason) {
      this.source.failed(toAppError(reason));
    } finally {
      this.opening = false;
    }
  }

  close(): void {
    if (!this.isOpen) return;
    const opener = this.opener;
    this.html = null;
    this.opener = null;
    void tick().then(() => opener?.focus());
  }
}
