import '@ant-design/v5-patch-for-react-19';
import 'dayjs/locale/zh-cn';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// antd's styles for the first screen, extracted at build time (build/antd-static-style.ts), before the app's own
import 'virtual:antd-static.css';
import './styles.css';

import { AuthProvider, meQuery } from './api/auth';
import { ApiError } from './api/client';
import { dictionariesQuery } from './api/dictionaries';
import { districtsQuery } from './api/reference';
import { getToken } from './api/session';
import { enterpriseListQuery, FIRST_PAGE } from './pages/enterprises/enterprise-list-query';
import { AppRouter } from './router';
import { THEME } from './theme';

// every module of the entry script has run (`npm run bench` reports the steps of the first page)
performance.mark('cr:entry');
dayjs.locale('zh-cn');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // a 4xx will not get better by asking again
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});

// Ask for what the first screen needs before React renders, not one component after another:
// the profile and labels always, and on a bookmarked or reloaded 企业名录 its first page too,
// asked first: the rows wait for it alone, and the API starts on requests in the order they come.
const token = getToken();
if (token) {
  if (/^\/enterprises\/?$/.test(window.location.pathname) && !window.location.search) {
    void queryClient.prefetchQuery(enterpriseListQuery(FIRST_PAGE));
    void queryClient.prefetchQuery(districtsQuery);
  }
  void queryClient.prefetchQuery(meQuery(token));
  void queryClient.prefetchQuery(dictionariesQuery);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <AppRouter />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
