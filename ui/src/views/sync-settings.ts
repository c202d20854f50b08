/**
 * Settings → "Đăng bài": the site profiles (name, address, user, last check), "Kiểm tra lại",
 * "Xoá" with a confirmation, and the add / edit form with the status mapping. Saving checks
 * the credentials with the site. The application password is read from its field only when
 * "Lưu" is pressed, handed to the backend and cleared from the DOM: never kept in the UI.
 */
import type { ArticleStatus } from '../bindings/ArticleStatus';
import type { Endpoint } from '../bindings/Endpoint';
import type { EndpointInput } from '../bindings/EndpointInput';
import type { StatusMap } from '../bindings/StatusMap';
import { toAppError, type AppError, type Backend } from '../backend/backend';
import { DEFAULT_STATUS_MAP, REMOTE_STATUSES } from '../backend/status-map';
import { ALL_STATUSES, errorHintKey, statusKey, type MessageKey, type Params } from '../i18n';
import { formatVietnamTime } from '../text/time';
import { append, clear, el, relabel, setAttrText, setText, tr } from './dom';

/** A status line and, for an error, the advice for its code. */
class Outcome {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly hint: HTMLElement;

  constructor(id: string) {
    this.text = el('span', { class: 'outcome-text' });
    this.hint = el('span', { class: 'outcome-hint hint' });
    this.element = el('p', { id, class: 'settings-status outcome', role: 'status', 'aria-live': 'polite' }, this.text, ' ', this.hint);
  }

  show(kind: 'ok' | 'error' | 'busy', key: MessageKey, params?: Params, extra?: MessageKey | null): void {
    this.element.dataset.kind = kind;
    setText(this.text, key, params);
    if (extra) setText(this.hint, extra);
    else {
      this.hint.textContent = '';
      delete this.hint.dataset.i18n;
    }
  }

  error(key: MessageKey, error: AppError, params: Params = {}): void {
    this.show('error', key, { ...params, message: error.message }, errorHintKey(error.code));
  }
}

export class SyncSettingsSection {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly keychainWarning: HTMLElement;
  private readonly form: HTMLFormElement;
  private readonly formTitle: HTMLElement;
  private readonly inputs: { name: HTMLInputElement; url: HTMLInputElement; username: HTMLInputElement; password: HTMLInputElement; allowHttp: HTMLInputElement };
  private readonly mapSelects = new Map<ArticleStatus, HTMLSelectElement>();
  private readonly saveButton: HTMLButtonElement;
  private readonly cancelEdit: HTMLButtonElement;
  private readonly outcome = new Outcome('endpoint-form-status');
  private editing: string | null = null;

  /** `changed` runs after a profile was added, changed or removed (the editor's site picker). */
  constructor(private readonly backend: Backend, private readonly changed: () => void = () => undefined) {
    this.keychainWarning = tr('p', 'publishing.noKeychain', { id: 'keychain-warning', class: 'settings-warning', role: 'note', hidden: true });
    this.list = el('ul', { id: 'endpoint-list', class: 'endpoint-list' });
    const text = (id: string, type: 'text' | 'password' = 'text') =>
      el('input', { id, type, autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' });
    this.inputs = {
      name: text('endpoint-name'),
      url: text('endpoint-url'),
      username: text('endpoint-username'),
      password: text('endpoint-password', 'password'),
      allowHttp: el('input', { id: 'endpoint-allow-http', type: 'checkbox' }),
    };
    this.inputs.url.setAttribute('inputmode', 'url');
    this.inputs.url.placeholder = 'https://';
    const row = (input: HTMLInputElement, key: MessageKey, hint?: MessageKey) =>
      el('div', { class: 'field' }, tr('label', key, { for: input.id, class: 'field-label' }), input, hint ? tr('p', hint, { class: 'hint' }) : null);

    const mapRows = ALL_STATUSES.map((status) => {
      const select = el('select', { id: `endpoint-map-${status}` });
      for (const remote of REMOTE_STATUSES) append(select, tr('option', `remote.${remote}`, { value: remote }));
      this.mapSelects.set(status, select);
      return el('div', { class: 'map-row' }, tr('label', statusKey(status), { for: select.id }), select);
    });

    this.saveButton = tr('button', 'publishing.save', { id: 'endpoint-save', type: 'submit', class: 'btn primary' });
    this.cancelEdit = tr('button', 'publishing.cancel', { id: 'endpoint-cancel', type: 'button', class: 'btn', hidden: true });
    this.cancelEdit.addEventListener('click', () => this.resetForm());
    this.formTitle = tr('h4', 'publishing.addTitle', { class: 'subsection-title' });
    this.form = el(
      'form',
      { id: 'endpoint-form', class: 'endpoint-form', autocomplete: 'off', novalidate: true },
      this.formTitle,
      row(this.inputs.name, 'publishing.name'),
      row(this.inputs.url, 'publishing.url'),
      row(this.inputs.username, 'publishing.username'),
      row(this.inputs.password, 'publishing.password', 'publishing.passwordHint'),
      el(
        'div',
        { class: 'field' },
        el('label', { class: 'check-row', for: this.inputs.allowHttp.id }, this.inputs.allowHttp, tr('span', 'publishing.allowHttp')),
        tr('p', 'publishing.allowHttpHint', { class: 'hint' }),
      ),
      el('details', { class: 'status-map' }, tr('summary', 'publishing.statusMap'), tr('p', 'publishing.statusMapHint', { class: 'hint' }), ...mapRows),
      el('div', { class: 'dialog-actions' }, this.saveButton, this.cancelEdit),
      this.outcome.element,
    );
    setAttrText(this.inputs.name, 'placeholder', 'publishing.namePlaceholder');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.element = el(
      'section',
      { id: 'publishing-settings', class: 'settings-section' },
      tr('h3', 'publishing.title', { class: 'section-title' }),
      tr('p', 'publishing.intro', { class: 'hint' }),
      this.keychainWarning,
      this.list,
      this.form,
    );
    this.resetForm();
  }

  /** Called when the settings open: the profiles and whether there is a keychain. */
  async load(): Promise<void> {
    try {
      this.keychainWarning.hidden = await this.backend.keychainAvailable();
    } catch {
      this.keychainWarning.hidden = false;
    }
    await this.reloadList();
  }

  private async reloadList(): Promise<void> {
    try {
      this.showList(await this.backend.listEndpoints());
    } catch (reason) {
      clear(this.list);
      this.list.appendChild(setText(el('li', { class: 'hint' }), 'error.generic', { message: toAppError(reason).message }));
    }
  }

  private showList(endpoints: Endpoint[]): void {
    clear(this.list);
    if (endpoints.length === 0) this.list.appendChild(tr('li', 'publishing.empty', { class: 'hint endpoint-empty' }));
    for (const e of endpoints) this.list.appendChild(this.item(e));
  }

  private item(e: Endpoint): HTMLElement {
    const result = new Outcome(`endpoint-result-${e.id}`);
    const checked = e.checked_at
      ? tr('span', 'publishing.checkedAt', { class: 'endpoint-checked' }, { time: formatVietnamTime(e.checked_at) })
      : tr('span', 'publishing.neverChecked', { class: 'endpoint-checked' });
    const recheck = tr('button', 'publishing.recheck', { type: 'button', class: 'btn small endpoint-recheck' });
    const edit = tr('button', 'publishing.edit', { type: 'button', class: 'btn small endpoint-edit' });
    const remove = tr('button', 'publishing.remove', { type: 'button', class: 'btn small endpoint-remove' });
    const yes = tr('button', 'publishing.removeYes', { type: 'button', class: 'btn small danger endpoint-remove-yes' });
    const no = tr('button', 'publishing.cancel', { type: 'button', class: 'btn small endpoint-remove-no' });
    const confirm = el(
      'div',
      { class: 'endpoint-confirm', hidden: true },
      tr('p', 'publishing.removeConfirm', {}, { name: e.name }),
      el('div', { class: 'dialog-actions' }, yes, no),
    );
    const item = el(
      'li',
      { class: 'endpoint-item', 'data-name': e.name },
      el('div', { class: 'endpoint-name' }, e.name),
      el('div', { class: 'endpoint-url mono' }, e.url),
      el('div', { class: 'endpoint-meta hint' }, el('span', { class: 'endpoint-user' }, e.username), ' · ', checked),
      el('div', { class: 'endpoint-actions' }, recheck, edit, remove),
      confirm,
      result.element,
    );
    recheck.addEventListener('click', () => void this.recheck(e, result, recheck));
    edit.addEventListener('click', () => this.startEdit(e));
    remove.addEventListener('click', () => {
      confirm.hidden = false;
      no.focus();
    });
    no.addEventListener('click', () => {
      confirm.hidden = true;
      remove.focus();
    });
    yes.addEventListener('click', () => void this.remove(e, result));
    return item;
  }

  private async recheck(e: Endpoint, result: Outcome, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    result.show('busy', 'publishing.checking');
    try {
      const check = await this.backend.testEndpoint(e.name);
      await this.reloadList(); // the new "last checked" time
      (this.resultFor(e.id) ?? result).show('ok', 'publishing.checkOk', { name: e.name, user: check.remote_user });
    } catch (reason) {
      (this.resultFor(e.id) ?? result).error('publishing.checkFailed', toAppError(reason), { name: e.name });
    } finally {
      button.disabled = false;
    }
  }

  /** The outcome line of a profile in the list as drawn now. */
  private resultFor(id: number): Outcome | null {
    const node = this.list.querySelector<HTMLElement>(`#endpoint-result-${id}`);
    if (!node) return null;
    const outcome = new Outcome(node.id);
    node.replaceWith(outcome.element);
    return outcome;
  }

  private async remove(e: Endpoint, result: Outcome): Promise<void> {
    try {
      await this.backend.removeEndpoint(e.name);
      if (this.editing === e.name) this.resetForm();
      await this.reloadList();
      this.outcome.show('ok', 'publishing.removed', { name: e.name });
      this.changed();
    } catch (reason) {
      result.error('error.generic', toAppError(reason));
    }
  }

  private startEdit(e: Endpoint): void {
    this.editing = e.name;
    setText(this.formTitle, 'publishing.editTitle', { name: e.name });
    this.inputs.name.value = e.name;
    this.inputs.name.readOnly = true;
    this.inputs.url.value = e.url;
    this.inputs.username.value = e.username;
    this.inputs.password.value = '';
    this.inputs.allowHttp.checked = e.allow_http;
    this.fillMap(e.status_map);
    this.cancelEdit.hidden = false;
    this.inputs.password.focus();
  }

  private resetForm(): void {
    this.editing = null;
    setText(this.formTitle, 'publishing.addTitle');
    for (const input of [this.inputs.name, this.inputs.url, this.inputs.username, this.inputs.password]) input.value = '';
    this.inputs.name.readOnly = false;
    this.inputs.allowHttp.checked = false;
    this.fillMap(DEFAULT_STATUS_MAP);
    this.cancelEdit.hidden = true;
  }

  private fillMap(map: StatusMap): void {
    for (const [status, select] of this.mapSelects) select.value = map[status];
  }

  private readMap(): StatusMap {
    const map = { ...DEFAULT_STATUS_MAP };
    for (const [status, select] of this.mapSelects) map[status] = select.value;
    return map;
  }

  private async save(): Promise<void> {
    const input: EndpointInput = {
      name: this.inputs.name.value.trim(),
      url: this.inputs.url.value.trim(),
      username: this.inputs.username.value.trim(),
      allow_http: this.inputs.allowHttp.checked,
      status_map: this.readMap(),
    };
    // Read at the last moment and cleared at once: the password lives only in this call.
    const password = this.inputs.password.value;
    this.inputs.password.value = '';
    if (!input.name || !input.url || !input.username || !password.trim()) {
      this.outcome.show('error', 'publishing.fieldsMissing');
      return;
    }
    this.saveButton.disabled = true;
    this.outcome.show('busy', 'publishing.checking');
    try {
      const check = await this.backend.saveEndpoint(input, password);
      this.resetForm();
      await this.reloadList();
      const sessionOnly = check.password_kept === 'session_only' ? 'publishing.sessionOnly' : null;
      this.outcome.show('ok', 'publishing.saved', { name: check.endpoint.name, user: check.remote_user }, sessionOnly);
      this.outcome.element.scrollIntoView?.({ block: 'nearest' });
      this.changed();
    } catch (reason) {
      this.outcome.error('publishing.failed', toAppError(reason));
      this.outcome.element.scrollIntoView?.({ block: 'nearest' });
    } finally {
      this.saveButton.disabled = false;
    }
  }

  relabel(): void {
    relabel(this.element);
  }
}
