import { Card, Descriptions, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router';

import { ApiError } from '../../api/client';
import { useDistricts } from '../../api/reference';
import { IndustryName } from '../../components/industry-name';
import { BasicInfoTab } from './basic-info-tab';
import { ChangeRequestsTab } from './change-requests-tab';
import { ChainsTab } from './chains-tab';
import { DesignationsTab } from './designations-tab';
import { HistoryTab } from './history-tab';
import { LIVE_STATUSES, useEnterprise, useEnterpriseDesignations } from './enterprise-queries';

// ECharts loads only when the 经营数据 tab is opened
const FiguresTab = lazy(() => import('./figures-tab'));

export default function EnterpriseDetailPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const enterprise = useEnterprise(id);
  const designations = useEnterpriseDesignations(id);
  const { districtName } = useDistricts();

  if (enterprise.error) {
    const notFound = enterprise.error instanceof ApiError && enterprise.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? '没有找到这家企业' : '加载失败'} subTitle={notFound ? '企业不存在,或不在您的管辖范围内' : enterprise.error.message} />;
  }
  if (!enterprise.data) return <Skeleton active />;
  const e = enterprise.data;
  const live = (designations.data ?? []).filter((d) => LIVE_STATUSES.includes(d.status));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="enterprise-name">
          {e.name} {e.archived && <Tag>已归档</Tag>}
        </Typography.Title>
        <Descriptions column={4} size="small">
          <Descriptions.Item label="统一社会信用代码">
            <span style={{ whiteSpace: 'nowrap' }}>{e.creditCode}</span>
          </Descriptions.Item>
          <Descriptions.Item label="所属区县">{districtName(e.districtCode)}</Descriptions.Item>
          <Descriptions.Item label="所属行业">
            <IndustryName code={e.industryCode} section={e.industrySection} />
          </Descriptions.Item>
          <Descriptions.Item label="经营状态">{e.statusLabel}</Descriptions.Item>
        </Descriptions>
        <Space wrap data-testid="live-designations">
          {live.map((d) => (
            <Tag key={d.id} color={d.status === 'CANDIDATE' ? 'default' : 'blue'}>
              {d.chainName ? `${d.chainName} · ` : ''}
              {d.typeLabel}({d.levelLabel}
              {d.status === 'RECOGNISED' ? '' : ` · ${d.statusLabel}`})
            </Tag>
          ))}
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={search.get('tab') ?? 'basic'}
          onChange={(tab) => setSearch({ tab }, { replace: true })}
          items={[
            { key: 'basic', label: '基本信息', children: <BasicInfoTab enterprise={e} /> },
            { key: 'designations', label: '认定与培育', children: <DesignationsTab enterprise={e} /> },
            { key: 'chains', label: '产业链与共同体', children: <ChainsTab enterprise={e} /> },
            {
              key: 'figures',
              label: '经营数据',
              children: (
                <Suspense fallback={<Skeleton active />}>
                  <FiguresTab enterprise={e} />
                </Suspense>
              ),
            },
            { key: 'change-requests', label: '变更申请', children: <ChangeRequestsTab enterprise={e} /> },
            { key: 'history', label: '动态', children: <HistoryTab enterprise={e} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
