import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { preloadForAddress } from './app/preload';
import { ToastProvider } from './components/toast';
import { createQueryClient } from './lib/query-client';
import { applyTheme } from './lib/theme';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing the #root element');

// Before the first render, so a dark-mode choice never flashes light.
applyTheme();
const queryClient = createQueryClient();
preloadForAddress(queryClient, window.location.pathname);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
