import './styles.css';
import { App } from './app';
import { pickBackend } from './backend';
import { sendLinksToBrowser } from './views/links';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const backend = await pickBackend();
  sendLinksToBrowser(document, (url) => backend.openLink(url));
  const app = new App(root, backend);
  await app.start();
}

void boot();
