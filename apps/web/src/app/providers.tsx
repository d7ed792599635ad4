import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { LoadingOutlined } from '@ant-design/icons';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Session } from '@liaison/contracts';
import { configureApiClient, isApiError } from '../shared/api/client';
import { currentLanguage } from '../shared/i18n';
import { sessionKey, storeSession } from '../features/session/api';
import { setSignedOutReason } from '../features/session/authEvents';
import { isOfflineSession } from '../features/session/sessionCache';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (count, err) => count < 2 && (!isApiError(err) || err.status === 0 || err.status >= 500),
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();

configureApiClient({
  csrfToken: () => queryClient.getQueryData<Session | null>(sessionKey)?.csrfToken,
  language: () => currentLanguage(),
  onSessionLost: () => {
    const had = queryClient.getQueryData<Session | null>(sessionKey);
    if (!had) return;
    setSignedOutReason('expired');
    storeSession(queryClient, null);
  },
  onStepRequired: () => void queryClient.invalidateQueries({ queryKey: sessionKey, exact: true }),
});

// A session restored offline has no CSRF token: fetch the real one as soon as the connection returns.
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    if (isOfflineSession(queryClient.getQueryData<Session | null>(sessionKey))) {
      void queryClient.invalidateQueries({ queryKey: sessionKey, exact: true });
    }
  });
}

const theme = {
  token: { colorPrimary: '#1f4e9c', borderRadius: 6 },
};

// A static, aria-hidden spinner: antd's default one animates out and can linger in the button's
// accessible name ("loading 登 录") when a request returns within the same frame.
const buttonConfig = { loadingIcon: <LoadingOutlined aria-hidden="true" /> };

function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n: i18nInstance } = useTranslation();
  const [lng, setLng] = useState(currentLanguage());

  useEffect(() => {
    applyDocumentLanguage(currentLanguage());
    const onChange = (next: string) => {
      setLng(currentLanguage());
      applyDocumentLanguage(next);
    };
    i18nInstance.on('languageChanged', onChange);
    return () => i18nInstance.off('languageChanged', onChange);
  }, [i18nInstance]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lng === 'en' ? enUS : zhCN} theme={theme} button={buttonConfig}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
