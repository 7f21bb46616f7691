import { useQueries, useQuery } from '@tanstack/react-query';
import { App, Button, Col, Empty, List, Progress, Row, Space, Typography } from 'antd';
import { ReactNode } from 'react';

import { api, errorText, unwrap } from '../../api/client';
import { useChains, useDistricts } from '../../api/reference';
import { download } from '../../components/download';
import { beijingTime } from '../../components/format';
import { beijingToday } from '../../components/today';
import { ProgressChart } from '../progress/progress-chart';
import { lineStatus, unreported, usePlanYears } from '../progress/progress-page';
import { reportUrl } from '../reports/reports-page';
import { ChainPyramid, DistrictMap, DistrictValue } from './dashboard-charts';

const PANEL: React.CSSProperties = { background: 'rgba(8, 30, 60, 0.85)', border: '1px solid #1d4f8a', borderRadius: 6, padding: 16, height: '100%' };

function Panel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div style={PANEL} data-testid={testId}>
      <div style={{ color: '#69b1ff', fontSize: 16, fontWeight: 600, marginBottom: 12, borderLeft: '4px solid #1677ff', paddingLeft: 8 }}>{title}</div>
      {children}
    </div>
  );
}

/** Read-only large screen for leaders: where the year's targets stand, by group, district and chain. */
export default function DashboardPage() {
  const { message } = App.useApp();
  const { years, fallback, plans } = usePlanYears();
  const year = fallback;
  const { districts } = useDistricts();
  const chains = useChains();
  const today = beijingToday();

  const progress = useQuery({
    queryKey: ['progress', year, ''],
    enabled: Boolean(year),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/progress', { params: { path: { year } } })),
  });
  const summaries = useQueries({
    queries: chains.map((c) => ({
      queryKey: ['chain-summary', c.id, Number(today.slice(0, 4))],
      queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/summary', { params: { path: { id: c.id }, query: { year: Number(today.slice(0, 4)) } } })),
    })),
  });
  const expiring = useQuery({
    queryKey: ['designations', 'expiring', 90, 'dashboard'],
    queryFn: () => unwrap(api.GET('/api/v1/designations', { params: { query: { expiringWithinDays: 90, page: 1, pageSize: 8, sort: 'expiresOn:asc' } } })),
  });
  // the latest frozen quarter: this plan year first, then the one before
  const quarterYears = years.filter((y) => y <= (year ?? 0)).slice(0, 2);
  const quarterLists = useQueries({
    queries: quarterYears.map((y) => ({ queryKey: ['quarters', y], queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/quarters', { params: { path: { year: y } } })) })),
  });
  const latestFrozen = quarterLists
    .flatMap((q, i) => (q.data?.quarters ?? []).filter((x) => x.frozen).map((x) => ({ ...x, year: quarterYears[i] })))
    .sort((a, b) => b.year - a.year || b.quarter - a.quarter)[0];

  const lines = progress.data?.lines ?? [];
  const groups = [...new Set(lines.map((l) => l.group))];
  const expectedPercent = progress.data ? Math.round(progress.data.elapsedShare * 1000) / 10 : null;

  const districtValues: DistrictValue[] = districts.map((d) => {
    const splits = lines.flatMap((l) => l.splits.filter((s) => s.kind === 'DISTRICT' && s.districtCode === d.code && s.target !== null));
    const percents = splits.map((s) => Math.min(s.percent, 100));
    const percent = percents.length ? Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 10) / 10 : null;
    const behind = splits.filter((s) => s.status === 'BEHIND').length;
    const color = percent === null ? '#3a4a5c' : percent >= 100 ? '#389e0d' : behind * 2 > splits.length ? '#cf1322' : '#0958d9';
    return { code: d.code, name: d.name, percent, color, detail: splits.length ? `${splits.length} 项分解目标,平均完成 ${percent}%,滞后 ${behind} 项` : '无分解目标' };
  });

  const chainTiers = chains.map((c, i) => {
    const s = summaries[i]?.data;
    return { name: c.name, leaders: s?.leaders.length ?? 0, cores: s?.cores.length ?? 0, bases: s?.bases.length ?? 0 };
  });

  if (!plans.isLoading && !years.length) return <Empty description="尚无指标计划" />;

  return (
    <div style={{ background: 'radial-gradient(circle at top, #0b2a55, #020b1a)', margin: -20, padding: 20, minHeight: 'calc(100vh - 64px)', color: '#e6f4ff' }} data-testid="dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ color: '#e6f4ff', margin: 0, letterSpacing: 4 }}>
          宁波市企业梯度培育 · 领导驾驶舱
        </Typography.Title>
        <Typography.Text style={{ color: '#91caff', fontSize: 16 }}>
          {year} 年 · 截至 {progress.data?.asOf ?? '—'} · 时间进度 {expectedPercent ?? '—'}%
        </Typography.Text>
      </Space>
      {progress.error && <Typography.Text type="danger">{errorText(progress.error)}</Typography.Text>}
      <Row gutter={[16, 16]}>
        {groups.map((g) => {
          const gl = lines.filter((l) => l.group === g && l.target !== null && !unreported(l));
          const met = gl.filter((l) => l.status === 'MET' || l.status === 'ON_TRACK').length;
          const mean = gl.length ? Math.round(gl.reduce((s, l) => s + Math.min(l.percent ?? 0, 100), 0) / gl.length) : 0;
          return (
            <Col key={g} xs={12} md={8} xl={4}>
              <Panel title={g} testId={`headline-${g}`}>
                <Space align="center" size={16}>
                  <Progress type="dashboard" percent={mean} size={84} strokeColor={met === gl.length ? '#52c41a' : '#1677ff'} format={(p) => <span style={{ color: '#e6f4ff' }}>{p}%</span>} />
                  {gl.length ? (
                    <div>
                      <div style={{ fontSize: 26, fontWeight: 600 }}>
                        {met}/{gl.length}
                      </div>
                      <div style={{ color: '#91caff', whiteSpace: 'nowrap' }}>项达时序进度</div>
                    </div>
                  ) : (
                    <div style={{ color: '#91caff', whiteSpace: 'nowrap' }}>未填报</div>
                  )}
                </Space>
              </Panel>
            </Col>
          );
        })}
        <Col xs={24} xl={10}>
          <Panel title="各区县(市)分解目标完成情况" testId="district-map">
            <DistrictMap districts={districtValues} />
            <Space style={{ color: '#91caff' }}>
              <span style={{ color: '#52c41a' }}>● 全部完成</span>
              <span style={{ color: '#4096ff' }}>● 进度正常</span>
              <span style={{ color: '#ff4d4f' }}>● 多数滞后</span>
              <span style={{ color: '#8c8c8c' }}>● 无分解目标</span>
            </Space>
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Panel title="指标完成率(竖线为应达进度)">
            <ProgressChart dark bars={lines.map((l) => ({ label: l.label, percent: unreported(l) || l.target === null ? null : l.percent, expectedPercent: unreported(l) || l.target === null ? null : expectedPercent, status: lineStatus(l).status, statusLabel: lineStatus(l).label, detail: `完成 ${l.actual}${l.unit} / 目标 ${l.target ?? '—'}${l.unit}` }))} />
          </Panel>
        </Col>
        <Col xs={24} xl={14}>
          <Panel title="产业链梯队:链主 · 链核 · 链基" testId="chain-pyramid">
            <ChainPyramid chains={chainTiers} />
          </Panel>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Panel title="90 天内到期的认定" testId="expiring">
              <List
                size="small"
                dataSource={expiring.data?.items ?? []}
                locale={{ emptyText: <span style={{ color: '#91caff' }}>暂无</span> }}
                renderItem={(d) => (
                  <List.Item style={{ color: '#e6f4ff', borderColor: '#1d3a5f' }}>
                    <span>
                      {d.enterpriseName} · {d.typeLabel}
                    </span>
                    <span style={{ color: '#ffc53d' }}>{d.expiresOn} 到期</span>
                  </List.Item>
                )}
              />
            </Panel>
            <Panel title="最新季度报告" testId="latest-report">
              {latestFrozen ? (
                <Space direction="vertical">
                  <span>
                    {latestFrozen.year} 年第 {latestFrozen.quarter} 季度(截至 {latestFrozen.asOf}),{latestFrozen.frozenByName} 于 {beijingTime(latestFrozen.frozenAt)} 冻结
                  </span>
                  <Button type="primary" onClick={() => download(reportUrl(latestFrozen.year, latestFrozen.quarter, 'pdf'), `${latestFrozen.year}Q${latestFrozen.quarter}.pdf`).catch((e) => message.error(errorText(e)))}>
                    下载 PDF
                  </Button>
                </Space>
              ) : (
                <span style={{ color: '#91caff' }}>尚无已冻结的季度报告</span>
              )}
            </Panel>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
