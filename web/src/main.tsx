import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { SignPage } from './pages/consent/SignPage.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {/^\/sign\/[^/]+$/.test(window.location.pathname) ? <SignPage token={decodeURIComponent(window.location.pathname.slice(6))} /> : <App />}
    </StrictMode>,
  );
}
