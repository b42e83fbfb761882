import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../../../platform/client/api.js';
import { antdLocales, useLocale } from '../../../platform/client/i18n.js';
import { getMe } from '../../../modules/accounts/shared/contract.js';
import { clientModules } from './modules.js';
import { createRouter } from './router.js';

const queryClient = createQueryClient(getMe);
const router = createRouter(clientModules);

/** Providers: server cache, antd in the UI language (its own strings too), then the router. */
export function App() {
  const locale = useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={antdLocales[locale]}
        theme={{ token: { colorPrimary: '#3370ff', borderRadius: 8, fontFamily: FONT_STACK } }}
      >
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}

// CJK faces listed so Chinese and Japanese each render in a face made for them.
const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans CJK JP', sans-serif";
