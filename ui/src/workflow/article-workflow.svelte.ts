/**
 * The article's workflow in the editor: the steps it can take now (from Rust), and one step
 * at a time — saved edits first, then the step; a step that needs a note, a time or the
 * checklist asks for them in a dialog first. A refused step says why and changes nothing.
 */
import type { Article } from '../bindings/Article';
import type { Checklist } from '../bindings/Checklist';
import type { NextStep } from '../bindings/NextStep';
import type { StatusChange } from '../bindings/StatusChange';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import type { AutosaveController } from '../editor/autosave';

export type WorkflowHost = {
  articleId: number;
  controller: AutosaveController;
  /** Submitting: false (and the figure check on screen) while a figure lacks a field. */
  figuresReady(): boolean;
  /** Rust refused for incomplete figures: show its message where the figures are checked. */
  showFigures(message: string): void;
  /** The step was taken: the editor shows the stored article's status (and time). */
  taken(article: Article): void;
};

export class ArticleWorkflow {
  steps = $state.raw<NextStep[]>([]);
  /** The step whose dialog is open (note, time, checklist). */
  asking = $state.raw<NextStep | null>(null);
  checklist = $state.raw<Checklist | null>(null);
  error = $state.raw<AppError | null>(null);
  busy = $state(false);

  constructor(
    private readonly backend: Backend,
    private readonly host: WorkflowHost,
  ) {}

  async load(): Promise<void> {
    try {
      this.steps = await this.backend.nextSteps(this.host.articleId);
    } catch (reason) {
      this.error = toAppError(reason);
    }
  }

  /** A step button: straight through, or the dialog when the step needs more. */
  async begin(step: NextStep): Promise<void> {
    this.error = null;
    if (step.to === 'submitted' && !this.host.figuresReady()) return;
    if (!step.needs_note && !step.needs_time && !step.needs_checklist) {
      await this.take({ to: step.to });
      return;
    }
    this.checklist = null;
    this.asking = step;
    if (step.needs_checklist) {
      // Edits count: the checklist reads the saved article.
      await this.host.controller.flush();
      try {
        this.checklist = await this.backend.checklist(this.host.articleId);
      } catch (reason) {
        this.error = toAppError(reason);
      }
    }
  }

  cancel(): void {
    this.asking = null;
    this.error = null;
  }

  /** Takes the step: pending edits are saved first, in the autosave's turn. */
  async take(change: StatusChange): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    let refused: AppError | null = null;
    try {
      const article = await this.host.controller.saveVia(async (patch) => {
        const saved = patch ? await this.backend.updateArticle(this.host.articleId, patch) : null;
        try {
          return await this.backend.changeStatus(this.host.articleId, change);
        } catch (reason) {
          // The edit is saved either way; only the step was refused.
          refused = toAppError(reason);
          return saved ?? (await this.backend.getArticle(this.host.articleId));
        }
      });
      if (refused) throw refused;
      this.asking = null;
      this.host.taken(article);
      await this.load();
      return true;
    } catch (reason) {
      const error = toAppError(reason);
      if (error.code === 'incomplete_figures') this.host.showFigures(error.message);
      else this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
