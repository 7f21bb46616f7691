import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';

import { api, Schemas, unwrap } from '../../api/client';
import { useChains } from '../../api/reference';
import { money } from '../../components/format';

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

export default function ChainsPage() {
  const chains = useChains();
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        标志性产业链
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {chains.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <ChainCard chain={c} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function ChainCard({ chain }: { chain: Schemas['ChainDto'] }) {
  const year = thisYear() - 1;
  const summary = useQuery({
    queryKey: ['chains', chain.id, 'summary', year],
    queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/summary', { params: { path: { id: chain.id }, query: { year } } })),
  });
  const s = summary.data;
  return (
    <Card title={<Link to={`/chains/${chain.id}`}>{chain.name}</Link>} size="small" data-testid="chain-card" extra={chain.leadUnit}>
      {!s ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Row gutter={8}>
          <Col span={6}>
            <Statistic title="链主" value={s.leaders.length} />
          </Col>
          <Col span={6}>
            <Statistic title="链核" value={s.cores.length} />
          </Col>
          <Col span={6}>
            <Statistic title="链基" value={s.bases.length} />
          </Col>
          <Col span={6}>
            <Statistic title="成员企业" value={s.totals.memberCount} />
          </Col>
          <Col span={24} style={{ marginTop: 8, color: '#888' }}>
            {year}年成员营业收入 {money(s.totals.operatingRevenueYuan)}
          </Col>
        </Row>
      )}
    </Card>
  );
}
