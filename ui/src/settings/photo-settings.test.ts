import { afterEach, describe, expect, it } from 'vitest';
import { destroyApps } from '../app/testing';
import { MemoryBackend } from '../backend/memory';
import { $, openSettings, settle } from './testing';

afterEach(() => {
  destroyApps();
  document.body.textContent = '';
});

describe('Settings → Ảnh', () => {
  it('loads and saves the web long edge and quality', async () => {
    const backend = new MemoryBackend();
    await openSettings(backend);
    const edge = $<HTMLInputElement>('#photo-web-long-edge');
    expect([edge.value, $<HTMLInputElement>('#photo-web-quality').value]).toEqual(['1600', '82']);
    edge.value = '2048';
    edge.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(await backend.getPhotoSettings()).toEqual({ web_long_edge: 2048, web_quality: 82, thumb_long_edge: 320 });
    expect($('#photo-settings-status').textContent).toBe('Đã lưu.');
    edge.value = '5';
    edge.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(edge.value).toBe('2048');
  });
});
