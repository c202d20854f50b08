/**
 * Settings → "Đăng bài" as state: the profiles (WordPress sites and ninjs receivers), whether a
 * keychain keeps passwords, each profile's last check, and the add / edit form's fields. A
 * password or signing secret never lives here: it is only the argument of the one call that
 * checks the profile and keeps it.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { EndpointKind } from '../bindings/EndpointKind';
import type { StatusMap } from '../bindings/StatusMap';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import { DEFAULT_STATUS_MAP } from '../backend/status-map';
import { errorHintKey, type MessageKey, type Params } from '../i18n';

/** A status line and, for an error, the advice for its code. */
export type Outcome = { kind: 'ok' | 'error' | 'busy'; key: MessageKey; params?: Params; hint?: MessageKey | null };

/** The form's fields, except the password (or secret). `assets_url` is ninjs's, empty for the default. */
export type EndpointDraft = {
  kind: EndpointKind;
  name: string;
  url: string;
  username: string;
  assets_url: string;
  allow_http: boolean;
  status_map: StatusMap;
};

function failure(key: MessageKey, error: AppError, params: Params = {}): Outcome {
  return { kind: 'error', key, params: { ...params, message: error.message }, hint: errorHintKey(error.code) };
}

const blankDraft = (): EndpointDraft => ({
  kind: 'wordpress',
  name: '',
  url: '',
  username: '',
  assets_url: '',
  allow_http: false,
  status_map: { ...DEFAULT_STATUS_MAP },
});

/** Where a ninjs receiver takes renditions when the profile names no other place (as Rust stores it). */
export const defaultAssetsUrl = (url: string): string => `${url.trim().replace(/\/+$/, '')}/assets`;

/** The line for an accepted check: a WordPress account's name, or a receiver's answer. */
function accepted(endpoint: Endpoint, remote: string, saved: boolean): Outcome {
  const { name } = endpoint;
  if (endpoint.kind !== 'ninjs') {
    return { kind: 'ok', key: saved ? 'publishing.saved' : 'publishing.checkOk', params: { name, user: remote } };
  }
  if (!saved) return { kind: 'ok', key: 'publishing.ninjsCheckOk', params: { name, answer: remote } };
  return { kind: 'ok', key: endpoint.signed ? 'publishing.ninjsSavedSigned' : 'publishing.ninjsSavedUnsigned', params: { name, answer: remote } };
}

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
      this.results.set(id, accepted(check.endpoint, check.remote_user, false));
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
    const { kind, name, url, username, allow_http, status_map } = endpoint;
    // The default assets address shows as the field's placeholder, so it follows a new URL.
    const assets_url = endpoint.assets_url && endpoint.assets_url !== defaultAssetsUrl(url) ? endpoint.assets_url : '';
    this.editing = name;
    this.draft = { kind, name, url, username, assets_url, allow_http, status_map: { ...status_map } };
    this.formStarts++;
  }

  resetForm(): void {
    this.editing = null;
    this.draft = blankDraft();
    this.formStarts++;
  }

  /**
   * Checks the profile with the site (a ninjs receiver: that it answers) and keeps it; false
   * when a field is missing (nothing sent). For ninjs `password` is the signing secret, empty
   * for a profile that signs nothing.
   */
  async save(password: string): Promise<boolean> {
    const draft = $state.snapshot(this.draft);
    const input = draft.kind === 'ninjs' ? ninjsInput(draft) : wordpressInput(draft);
    const missing = draft.kind === 'ninjs' ? !input.name || !input.url : !input.name || !input.url || !input.username || !password.trim();
    if (missing) {
      this.formOutcome = { kind: 'error', key: draft.kind === 'ninjs' ? 'publishing.ninjsFieldsMissing' : 'publishing.fieldsMissing' };
      return false;
    }
    this.saving = true;
    this.formOutcome = { kind: 'busy', key: 'publishing.checking' };
    try {
      const check = await this.backend.saveEndpoint(input, password);
      this.resetForm();
      await this.reloadList();
      const { endpoint } = check;
      const sessionOnly = check.password_kept === 'session_only';
      const hint = !sessionOnly ? null : endpoint.kind !== 'ninjs' ? 'publishing.sessionOnly' : endpoint.signed ? 'publishing.secretSessionOnly' : null;
      this.formOutcome = { ...accepted(endpoint, check.remote_user, true), hint };
      this.changed();
    } catch (reason) {
      this.formOutcome = failure('publishing.failed', toAppError(reason));
    } finally {
      this.saving = false;
    }
    return true;
  }
}

function wordpressInput({ name, url, username, allow_http, status_map }: EndpointDraft): EndpointInput {
  return { name: name.trim(), url: url.trim(), username: username.trim(), allow_http, status_map };
}

/** A ninjs receiver has no user name; statuses become `pubstatus` by rule, not by a mapping. */
function ninjsInput({ name, url, assets_url, allow_http }: EndpointDraft): EndpointInput {
  const assets = assets_url.trim();
  return { name: name.trim(), kind: 'ninjs', url: url.trim(), ...(assets ? { assets_url: assets } : {}), username: '', allow_http };
}
