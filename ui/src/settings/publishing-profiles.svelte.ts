/**
 * Settings → "Đăng bài" as state: the site profiles, whether a keychain keeps passwords, each
 * profile's last check, and the add / edit form's fields. A password never lives here: it is
 * only the argument of the one call that checks it with the site and keeps it.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { StatusMap } from '../bindings/StatusMap';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import { DEFAULT_STATUS_MAP } from '../backend/status-map';
import { errorHintKey, type MessageKey, type Params } from '../i18n';

/** A status line and, for an error, the advice for its code. */
export type Outcome = { kind: 'ok' | 'error' | 'busy'; key: MessageKey; params?: Params; hint?: MessageKey | null };

/** The form's fields, except the password. */
export type EndpointDraft = { name: string; url: string; username: string; allow_http: boolean; status_map: StatusMap };

function failure(key: MessageKey, error: AppError, params: Params = {}): Outcome {
  return { kind: 'error', key, params: { ...params, message: error.message }, hint: errorHintKey(error.code) };
}

const blankDraft = (): EndpointDraft => ({ name: '', url: '', username: '', allow_http: false, status_map: { ...DEFAULT_STATUS_MAP } });

export class PublishingProfiles {
  /** The profiles, or null before the first load. */
  endpoints = $state.raw<Endpoint[] | null>(null);
  /** Why the list could not be read (shown in its place). */
  listError = $state.raw<AppError | null>(null);
  keychainMissing = $state(false);
  /** Each profile's last check (or failed removal), by id; kept when the list is read again. */
  readonly results = new SvelteMap<number, Outcome>();
  /** The profiles being checked again (their button waits). */
  readonly checking = new SvelteSet<number>();
  /** The form's line: saved, refused, removed. */
  formOutcome = $state.raw<Outcome | null>(null);
  /** The name of the profile the form edits (a name cannot change), or null for a new one. */
  editing = $state<string | null>(null);
  draft = $state<EndpointDraft>(blankDraft());
  saving = $state(false);
  /** Counts each time the form starts afresh, so the form clears its password field. */
  formStarts = $state(0);

  /** `changed` runs after a profile was added, changed or removed (the editor's site picker). */
  constructor(
    private readonly backend: Backend,
    private readonly changed: () => void,
  ) {}

  /** When the settings open: the profiles and whether there is a keychain. */
  async load(): Promise<void> {
    try {
      this.keychainMissing = !(await this.backend.keychainAvailable());
    } catch {
      this.keychainMissing = true;
    }
    await this.reloadList();
  }

  private async reloadList(): Promise<void> {
    try {
      this.endpoints = await this.backend.listEndpoints();
      this.listError = null;
    } catch (reason) {
      this.listError = toAppError(reason);
    }
  }

  async recheck(endpoint: Endpoint): Promise<void> {
    const { id, name } = endpoint;
    this.checking.add(id);
    this.results.set(id, { kind: 'busy', key: 'publishing.checking' });
    try {
      const check = await this.backend.testEndpoint(name);
      await this.reloadList(); // the new "last checked" time
      this.results.set(id, { kind: 'ok', key: 'publishing.checkOk', params: { name, user: check.remote_user } });
    } catch (reason) {
      this.results.set(id, failure('publishing.checkFailed', toAppError(reason), { name }));
    } finally {
      this.checking.delete(id);
    }
  }

  async remove(endpoint: Endpoint): Promise<void> {
    try {
      await this.backend.removeEndpoint(endpoint.name);
      if (this.editing === endpoint.name) this.resetForm();
      this.results.delete(endpoint.id);
      await this.reloadList();
      this.formOutcome = { kind: 'ok', key: 'publishing.removed', params: { name: endpoint.name } };
      this.changed();
    } catch (reason) {
      this.results.set(endpoint.id, failure('error.generic', toAppError(reason)));
    }
  }

  startEdit(endpoint: Endpoint): void {
    const { name, url, username, allow_http, status_map } = endpoint;
    this.editing = name;
    this.draft = { name, url, username, allow_http, status_map: { ...status_map } };
    this.formStarts++;
  }

  resetForm(): void {
    this.editing = null;
    this.draft = blankDraft();
    this.formStarts++;
  }

  /** Checks the profile with the site and keeps it; false when a field is missing (nothing sent). */
  async save(password: string): Promise<boolean> {
    const { name, url, username, allow_http, status_map } = $state.snapshot(this.draft);
    const input: EndpointInput = { name: name.trim(), url: url.trim(), username: username.trim(), allow_http, status_map };
    if (!input.name || !input.url || !input.username || !password.trim()) {
      this.formOutcome = { kind: 'error', key: 'publishing.fieldsMissing' };
      return false;
    }
    this.saving = true;
    this.formOutcome = { kind: 'busy', key: 'publishing.checking' };
    try {
      const check = await this.backend.saveEndpoint(input, password);
      this.resetForm();
      await this.reloadList();
      const hint = check.password_kept === 'session_only' ? 'publishing.sessionOnly' : null;
      this.formOutcome = { kind: 'ok', key: 'publishing.saved', params: { name: check.endpoint.name, user: check.remote_user }, hint };
      this.changed();
    } catch (reason) {
      this.formOutcome = failure('publishing.failed', toAppError(reason));
    } finally {
      this.saving = false;
    }
    return true;
  }
}
