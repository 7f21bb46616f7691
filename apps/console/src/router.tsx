import { Spin } from 'antd';
import { ComponentType, lazy, ReactNode, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';

import { useAuth } from './api/auth';
import { AppLayout } from './components/app-layout';
import { homePath } from './components/menu';

// one chunk per page: antd's heavier parts, ProComponents and ECharts load with the pages using them;
// the login page too (its form, inputs and card are not needed by a tab that holds a token)
const LoginPage = lazy(() => import('./pages/login/login-page').then((m) => ({ default: m.LoginPage })));
const Workbench = lazy(() => import('./pages/workbench/workbench-page'));
const EnterpriseDetail = lazy(() => import('./pages/enterprises/enterprise-detail-page'));
const Designations = lazy(() => import('./pages/designations/designations-page'));
const Chains = lazy(() => import('./pages/chains/chains-page'));
const ChainDetail = lazy(() => import('./pages/chains/chain-detail-page'));
const Communities = lazy(() => import('./pages/communities/communities-page'));
const CommunityDetail = lazy(() => import('./pages/communities/community-detail-page'));
const ChangeRequests = lazy(() => import('./pages/change-requests/change-requests-page'));
const Imports = lazy(() => import('./pages/imports/imports-page'));
const Audit = lazy(() => import('./pages/audit/audit-page'));
const Users = lazy(() => import('./pages/admin/users-page'));
const Reference = lazy(() => import('./pages/admin/reference-page'));
const Profile = lazy(() => import('./pages/profile/profile-page'));
const Progress = lazy(() => import('./pages/progress/progress-page'));
const Plans = lazy(() => import('./pages/plans/plans-page'));
const Reports = lazy(() => import('./pages/reports/reports-page'));
const Dashboard = lazy(() => import('./pages/dashboard/dashboard-page'));
const Inbox = lazy(() => import('./pages/inbox/inbox-page'));
const Carriers = lazy(() => import('./pages/carriers/carriers-page'));
const CarrierDetail = lazy(() => import('./pages/carriers/carrier-detail-page'));
const RecognitionTypes = lazy(() => import('./pages/recognition-types/recognition-types-page'));
const MyEnterprise = lazy(() => import('./pages/my/my-enterprise-page'));
const MyChange = lazy(() => import('./pages/my/my-change-page'));
const MyFigures = lazy(() => import('./pages/my/my-figures-page'));
const MyRequests = lazy(() => import('./pages/my/my-requests-page'));
const Evaluation = lazy(() => import('./pages/evaluation/evaluation-page'));
const EvaluationSheet = lazy(() => import('./pages/evaluation/evaluation-sheet-page'));
const MyEvaluation = lazy(() => import('./pages/evaluation/evaluation-sheet-page').then((m) => ({ default: m.MyEvaluationRedirect })));
const Projects = lazy(() => import('./pages/projects/projects-page'));
const ProjectDetail = lazy(() => import('./pages/projects/project-detail-page'));
const Remediation = lazy(() => import('./pages/remediation/remediation-page'));
const LandBlocks = lazy(() => import('./pages/remediation/land-blocks-page'));

const pageSpinner = <Spin style={{ display: 'block', margin: 80 }} />;

let enterpriseListModule: { default: ComponentType } | undefined;
const loadEnterpriseList = () => import('./pages/enterprises/enterprise-list-page').then((m) => (enterpriseListModule = m));

// The page a bookmark or reload opens starts loading with the app, not after /auth/me answers.
if (/^\/enterprises\/?$/.test(window.location.pathname)) void loadEnterpriseList();

/**
 * 企业名录, loaded like the other pages but revealed without Suspense: React shows content that
 * suspended behind a fallback no sooner than 300 ms after the fallback appeared (its fallback
 * throttle), which held a reloaded 企业名录's rows back after their code and data had arrived. The
 * same spinner shows until the chunk is there; the page then renders as an ordinary update.
 */
function EnterpriseList() {
  const [Page, setPage] = useState(() => enterpriseListModule?.default);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (Page) return;
    let live = true;
    loadEnterpriseList().then(
      (m) => live && setPage(() => m.default),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [Page]);
  if (error) throw error;
  return Page ? <Page /> : pageSpinner;
}

function RequireLogin({ children }: { children: ReactNode }) {
  const { token, me, loading } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // the layout draws while /auth/me loads (it waits for the profile itself); a failed profile stays a spinner
  if (!loading && !me) return <Spin fullscreen />;
  return <>{children}</>;
}

function Home() {
  const auth = useAuth();
  return <Navigate to={homePath(auth.can)} replace />;
}

const page = (element: ReactNode) => <Suspense fallback={pageSpinner}>{element}</Suspense>;

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={page(<LoginPage />)} />
        <Route
          element={
            <RequireLogin>
              <AppLayout />
            </RequireLogin>
          }
        >
          <Route index element={<Home />} />
          <Route path="workbench" element={page(<Workbench />)} />
          <Route path="enterprises" element={<EnterpriseList />} />
          <Route path="enterprises/:id" element={page(<EnterpriseDetail />)} />
          <Route path="designations" element={page(<Designations />)} />
          <Route path="projects" element={page(<Projects />)} />
          <Route path="projects/:id" element={page(<ProjectDetail />)} />
          <Route path="remediation" element={page(<Remediation />)} />
          <Route path="remediation/blocks" element={page(<LandBlocks />)} />
          <Route path="chains" element={page(<Chains />)} />
          <Route path="chains/:id" element={page(<ChainDetail />)} />
          <Route path="communities" element={page(<Communities />)} />
          <Route path="communities/:id" element={page(<CommunityDetail />)} />
          <Route path="change-requests" element={page(<ChangeRequests />)} />
          <Route path="imports" element={page(<Imports />)} />
          <Route path="audit" element={page(<Audit />)} />
          <Route path="admin/users" element={page(<Users />)} />
          <Route path="admin/reference" element={page(<Reference />)} />
          <Route path="profile" element={page(<Profile />)} />
          <Route path="progress" element={page(<Progress />)} />
          <Route path="plans" element={page(<Plans />)} />
          <Route path="reports" element={page(<Reports />)} />
          <Route path="dashboard" element={page(<Dashboard />)} />
          <Route path="inbox" element={page(<Inbox />)} />
          <Route path="carriers" element={page(<Carriers />)} />
          <Route path="carriers/:id" element={page(<CarrierDetail />)} />
          <Route path="recognition-types" element={page(<RecognitionTypes />)} />
          <Route path="my/enterprise" element={page(<MyEnterprise />)} />
          <Route path="my/change" element={page(<MyChange />)} />
          <Route path="my/figures" element={page(<MyFigures />)} />
          <Route path="my/requests" element={page(<MyRequests />)} />
          <Route path="evaluation" element={page(<Evaluation />)} />
          <Route path="evaluation/:year/:id" element={page(<EvaluationSheet />)} />
          <Route path="my/evaluation" element={page(<MyEvaluation />)} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
