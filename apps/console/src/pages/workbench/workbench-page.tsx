import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { api, unwrap } from '../../api/client';
import { beijingTime, date } from '../../components/format';

const STATUS_COLOR: Record<string, string> = { MET: 'green', ON_TRACK: 'blue', BEHIND: 'red', NO_TARGET: 'default' };

/** 工作台: the caller's to-dos and the designations held against the year's targets (GET /workbench). */
export default function WorkbenchPage() {
  const summary = useQuery({ queryKey: ['workbench'], queryFn: () => unwrap(api.GET('/api/v1/workbench')) });
  const w = summary.data;
  if (!w) return <Skeleton active />;
  const daysToFreeze = Math.round((Date.parse(w.freeze.current.endsOn) - Date.parse(w.today)) / 86_400_000);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="待审核变更申请" value={w.changeRequests.pending} />
          <Link to="/change-requests">去审核</Link>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title={`${w.expiring.withinDays} 天内到期的认定`} value={w.expiring.count} />
          <Link to="/designations">查看</Link>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title="未填报的手工指标" value={w.quotas.planYear ? w.quotas.unreportedManualLines.length : '—'} />
          <Typography.Text type="secondary">{w.quotas.planYear ? `${w.quotas.planYear}年度目标` : '本年度目标尚未制定'}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={6}>
        <Card>
          <Statistic title={`距 ${w.freeze.current.year}年第${w.freeze.current.quarter}季度末`} value={daysToFreeze} suffix="天" />
          <Typography.Text type="secondary">
            上季度{w.freeze.last.frozen ? `已于 ${beijingTime(w.freeze.last.frozenAt)} 冻结` : '尚未冻结'}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={w.quotas.asOf ? `认定目标完成情况(截至 ${w.quotas.asOf})` : '认定目标完成情况'}>
          {!w.quotas.kpis.length && <Empty description="本年度目标尚未制定" />}
          <List
            dataSource={w.quotas.kpis}
            renderItem={(k) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between' }}>
                    <span>{k.label}</span>
                    <span>
                      {k.actual.toLocaleString('zh-CN')} / {k.target?.toLocaleString('zh-CN') ?? '—'} {k.unit} <Tag color={STATUS_COLOR[k.status]}>{k.statusLabel}</Tag>
                    </span>
                  </div>
                  <Progress percent={Math.min(100, Math.round(k.percent ?? 0))} size="small" showInfo={false} status={k.status === 'BEHIND' ? 'exception' : undefined} />
                </div>
              </List.Item>
            )}
          />
          {w.quotas.unreportedManualLines.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              未填报:{w.quotas.unreportedManualLines.map((l) => l.label).join('、')}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card title="即将到期的认定">
          <List
            dataSource={w.expiring.top}
            locale={{ emptyText: `${w.expiring.withinDays} 天内没有到期的认定` }}
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
            dataSource={w.changeRequests.top}
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
