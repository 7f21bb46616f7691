import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, unwrap } from '../../api/client';
import { beijingToday, date } from '../../components/format';

const STATUS_COLOR: Record<string, string> = { MET: 'green', ON_TRACK: 'blue', BEHIND: 'red', NO_TARGET: 'default' };

/** The next quarter end in Beijing time and the days left until it (reports are frozen then). */
function quarterEnd(today: string): { end: string; daysLeft: number } {
  const [y, m] = today.split('-').map(Number);
  const q = Math.ceil(m / 3);
  const endMonth = q * 3;
  const end = new Date(Date.UTC(y, endMonth, 0));
  const daysLeft = Math.round((end.getTime() - Date.UTC(y, m - 1, Number(today.slice(8, 10)))) / 86_400_000);
  return { end: end.toISOString().slice(0, 10), daysLeft };
}

export default function WorkbenchPage() {
  const auth = useAuth();
  const today = beijingToday();
  const year = Number(today.slice(0, 4));
  const pending = useQuery({
    queryKey: ['change-requests', 'count', 'PENDING'],
    queryFn: () => unwrap(api.GET('/api/v1/change-requests', { params: { query: { status: 'PENDING', page: 1, pageSize: 5 } } })),
  });
  const expiring = useQuery({
    queryKey: ['designations', 'expiring', 90],
    queryFn: () => unwrap(api.GET('/api/v1/designations', { params: { query: { expiringWithinDays: 90, page: 1, pageSize: 5, sort: 'expiresOn:asc' } } })),
  });
  const progress = useQuery({
    queryKey: ['progress', year, today],
    enabled: auth.can('QUOTA_READ'),
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/progress', { params: { path: { year }, query: { asOf: today } } })),
  });
  const lines = progress.data?.lines ?? [];
  const chainLines = lines.filter((l) => l.group === '链式培育');
  const manualMissing = lines.filter((l) => l.measureKind === 'MANUAL' && l.evidence == null);
  const freeze = quarterEnd(today);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="待审核变更申请" value={pending.data?.meta.total ?? '—'} />
          <Link to="/change-requests">去审核</Link>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="90 天内到期的认定" value={expiring.data?.meta.total ?? '—'} />
          <Link to="/designations">查看</Link>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="未填报的手工指标" value={progress.data ? manualMissing.length : '—'} />
          <Typography.Text type="secondary">{year}年度目标</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="距本季度末冻结" value={freeze.daysLeft} suffix="天" />
          <Typography.Text type="secondary">季度末 {freeze.end}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={`链式培育目标(截至 ${today})`}>
          {!progress.data && <Typography.Text type="secondary">{progress.isError ? `${year}年度目标尚未制定` : '加载中…'}</Typography.Text>}
          {progress.data && <List
            dataSource={chainLines.length ? chainLines : lines.slice(0, 8)}
            renderItem={(l) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                    <span>{l.label}</span>
                    <span>
                      {l.actual.toLocaleString('zh-CN')} / {l.target?.toLocaleString('zh-CN') ?? '—'} {l.unit} <Tag color={STATUS_COLOR[l.status]}>{l.statusLabel}</Tag>
                    </span>
                  </div>
                  <Progress percent={Math.min(100, Math.round(l.percent ?? 0))} size="small" showInfo={false} status={l.status === 'BEHIND' ? 'exception' : undefined} />
                </div>
              </List.Item>
            )}
          />}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="即将到期的认定">
          <List
            dataSource={expiring.data?.items ?? []}
            locale={{ emptyText: '90 天内没有到期的认定' }}
            renderItem={(d) => (
              <List.Item>
                <Link to={`/enterprises/${d.enterpriseId}?tab=designations`}>{d.enterpriseName}</Link>
                <span>
                  {d.typeLabel} · {date(d.expiresOn)} 到期
                </span>
              </List.Item>
            )}
          />
        </Card>
        <Card title="待审核的变更申请" style={{ marginTop: 16 }}>
          <List
            dataSource={pending.data?.items ?? []}
            locale={{ emptyText: '没有待审核的申请' }}
            renderItem={(r) => (
              <List.Item>
                <Link to="/change-requests">{r.enterpriseName}</Link>
                <span>
                  {r.kindLabel} · {r.submittedByUsername}
                </span>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
