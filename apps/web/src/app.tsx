import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient, queryKeyOf } from '../../../platform/client/api.js';
import { useDarkMode } from '../../../platform/client/appearance.js';
import { antdLocales, useLocale } from '../../../platform/client/i18n.js';
import { getMe } from '../../../modules/accounts/shared/contract.js';
import { clientModules } from './modules.js';
import { createRouter } from './router.js';
import { validateMessages } from './validate-messages.js';

const queryClient = createQueryClient(getMe);
const router = createRouter(clientModules);

/** Providers: server cache, antd in the UI language (its own strings too), then the router. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Themed />
    </QueryClientProvider>
  );
}

/*
 * antd writes its tokens as CSS variables on elements carrying the theme's key class; the same
 * class on <html> lets Skein's own stylesheets use them everywhere (body, pages, overlays), so
 * both themes come from one set of rules.
 */
const THEME_KEY = 'skein-theme';

/** antd in the person's appearance (light, dark, or the device's) and language. */
function Themed() {
  const locale = useLocale();
  const { t } = useTranslation('common');
  // Read from the cache only: the auth gate loads the member; signed out there is none.
  const me = useQuery<{ user: { id: string } }>({ queryKey: queryKeyOf(getMe), enabled: false });
  const dark = useDarkMode(me.data?.user.id);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.add(THEME_KEY);
    root.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      // antd spaces out two-character Chinese labels ("登 录"); nobody writes them that way.
      button={{ autoInsertSpace: false }}
      form={{ validateMessages: validateMessages(t) }}
      theme={{
        algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
        cssVar: { key: THEME_KEY },
        token: { colorPrimary: '#3370ff', borderRadius: 8, fontFamily: FONT_STACK },
      }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

// CJK faces listed so Chinese and Japanese each render in a face made for them.
const FONT_STACK =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans CJK JP', sans-serif";
