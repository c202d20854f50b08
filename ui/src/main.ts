import './styles.css';
import { App } from './app';
import { pickBackend } from './backend';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const app = new App(root, await pickBackend());
  await app.start();
}

void boot();
