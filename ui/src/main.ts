import './styles.css';
import { mountApp } from './app/mount';
import { pickBackend } from './backend';
import { sendLinksToBrowser } from './app/links';
import { markPhase } from './app/startup-phases';

// Every module of the entry chunk has been parsed and run.
markPhase('script');

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const backend = await pickBackend();
  sendLinksToBrowser(document, (url) => backend.openLink(url));
  await mountApp(root, backend);
}

void boot();
