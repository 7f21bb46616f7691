import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';

import { api, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';

const SHOWN = 8;

/** 培育看板: a column of candidates per designation type (the first few of each, with the count). */
export function CandidateBoard(props: { filters: { level?: Schemas['DesignationLevel']; chainId?: string; districtCode?: string } }) {
  const dict = useDictionaries();
  return (
    <Row gutter={[12, 12]} wrap>
      {dict.options('DesignationType').map((t) => (
        <Col key={t.value} xs={24} md={12} xl={6}>
          <Column type={t.value} title={t.label} filters={props.filters} />
        </Col>
      ))}
    </Row>
  );
}

function Column(props: { type: string; title: string; filters: { level?: Schemas['DesignationLevel']; chainId?: string; districtCode?: string } }) {
  const query = { ...props.filters, type: props.type, status: 'CANDIDATE' as const, page: 1, pageSize: SHOWN };
  const list = useQuery({ queryKey: ['designations', 'board', query], queryFn: () => unwrap(api.GET('/api/v1/designations', { params: { query } })) });
  const total = list.data?.meta.total ?? 0;
  return (
    <Card size="small" title={props.title} extra={<Tag>{total}</Tag>} loading={list.isPending} styles={{ body: { minHeight: 120 } }}>
      {!total && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无培育对象" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(list.data?.items ?? []).map((d) => (
          <Card key={d.id} size="small" hoverable>
            {d.carrierId ? <Link to={`/carriers/${d.carrierId}`}>{d.carrierName}</Link> : <Link to={`/enterprises/${d.enterpriseId}?tab=designations`}>{d.enterpriseName}</Link>}
            <div>
              <Typography.Text type="secondary">
                {d.levelLabel}
                {d.chainName ? ` · ${d.chainName}` : ''}
              </Typography.Text>
            </div>
          </Card>
        ))}
        {total > SHOWN && <Typography.Text type="secondary">另有 {(total - SHOWN).toLocaleString('zh-CN')} 家,见“培育对象”</Typography.Text>}
      </Space>
    </Card>
  );
}
