/**
 * Word documents (.docx) and handover files (.banthao) coming in: dropped on the window (paths
 * the shell handed over) or chosen with the file chooser (bytes). Each file becomes an article,
 * or merges into the one it carries; a handover file whose edits clash with this library's is
 * decided side by side before anything changes. The last batch's report stays until closed:
 * what was converted from legacy fonts, what was left out, what failed.
 */
import type { ConflictSide } from '../bindings/ConflictSide';
import type { DocumentImportResult } from '../bindings/DocumentImportResult';
import { toAppError, type Backend } from '../backend/backend';
import { ConflictChooser } from '../sync/conflict-chooser.svelte';

/** What the file chooser offers. */
export const DOCUMENT_ACCEPT = '.docx,.banthao,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Paths the document import takes (the rest of a drop goes to the photos). */
export function isDocumentPath(path: string): boolean {
  return /\.(docx|banthao)$/i.test(path);
}

/** One file of a batch, and how to import it again with conflict choices. */
type Pending = { result: DocumentImportResult; retry: (choices: ConflictSide[]) => Promise<DocumentImportResult> };

export class DocumentImports {
  /** Files being imported now. */
  running = $state(0);
  /** The last batch's outcome, one per file (empty: no report on screen). */
  results = $state.raw<DocumentImportResult[]>([]);
  readonly conflict = new ConflictChooser();
  fileInput = $state<HTMLInputElement>();

  constructor(
    private readonly backend: Backend,
    /** Opens an article that came in (when a batch brought exactly one). */
    private readonly open: (id: number) => Promise<void>,
    private readonly failed: (message: string) => void,
  ) {}

  choose(): void {
    this.fileInput?.click();
  }

  async filesChosen(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    await this.run(files.length, async () => {
      const batch: Pending[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const once = (choices: ConflictSide[] | null) => this.backend.importDocumentData(file.name, bytes, choices);
        batch.push({ result: await once(null), retry: (choices) => once(choices) });
      }
      return batch;
    });
  }

  /** Paths dropped on the window. */
  async importPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.run(paths.length, async () => {
      const results = await this.backend.importDocumentPaths(paths, null);
      return results.map((result, i) => ({
        result,
        retry: async (choices) => (await this.backend.importDocumentPaths([paths[i]!], choices))[0]!,
      }));
    });
  }

  dismiss(): void {
    this.results = [];
  }

  private async run(count: number, work: () => Promise<Pending[]>): Promise<void> {
    this.running += count;
    let batch: Pending[];
    try {
      batch = await work();
    } catch (reason) {
      this.failed(toAppError(reason).message);
      return;
    } finally {
      this.running -= count;
    }
    for (const pending of batch) await this.settleConflict(pending);
    this.results = batch.map((p) => p.result);
    const arrived = this.results.flatMap((r) => (r.imported && !(r.imported.kind === 'handover' && r.imported.outcome === 'conflict') ? [articleOf(r)] : []));
    if (arrived.length === 1 && arrived[0] !== null) await this.open(arrived[0]!);
  }

  /** A handover conflict: side by side until decided (or closed, which changes nothing). */
  private async settleConflict(pending: Pending): Promise<void> {
    const imported = pending.result.imported;
    if (imported?.kind !== 'handover' || imported.outcome !== 'conflict') return;
    await this.conflict.open({
      kind: 'handover',
      hunks: async () => imported.conflicts,
      apply: async (choices) => {
        const again = await pending.retry(choices);
        if (again.error) throw Object.assign(new Error(again.error.message), again.error);
        pending.result = again;
        return true;
      },
      closed: () => undefined,
    });
  }
}

/** The article a successful import produced or changed. */
export function articleOf(result: DocumentImportResult): number | null {
  const imported = result.imported;
  if (!imported) return null;
  return imported.kind === 'docx' ? imported.article.id : imported.article_id;
}
