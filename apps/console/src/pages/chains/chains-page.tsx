import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useChains } from '../../api/reference';
import { money } from '../../components/format';

const TIERS = ['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE'] as const;
type Tier = (typeof TIERS)[number];
/** Per tier: the plan line counting its holders, with the city's progress and each chain's split. */
type TierTargets = Partial<Record<Tier, { line: Schemas['LineProgressDto']; byChain: Map<string, Schemas['SplitProgressDto']> }>>;

/**
 * The plan's chain-tier lines (a HOLDING_DESIGNATIONS line of 链主/链核/链基) and their progress, read from the
 * quota API: this year's plan, else the newest. Nothing when the user may not read quotas or no plan has such lines.
 */
function useTierTargets(): { year?: number; targets: TierTargets } {
  const auth = useAuth();
  const enabled = auth.can('QUOTA_READ');
  const plans = useQuery({ queryKey: ['quota-plans'], enabled, queryFn: () => unwrap(api.GET('/api/v1/quota-plans')) });
  const years = (plans.data ?? []).map((p) => p.year);
  const year = years.includes(thisYear()) ? thisYear() : years[0];
  const plan = useQuery({ queryKey: ['quota-plans', year], enabled: !!year, queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}', { params: { path: { year: year! } } })) });
  const progress = useQuery({
    queryKey: ['quota-plans', year, 'progress', 'chain-tiers'],
    enabled: !!year,
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/progress', { params: { path: { year: year! } } })),
  });
  const targets: TierTargets = {};
  for (const line of plan.data?.lines ?? []) {
    const tier = line.measureParams.designationType as Tier | undefined;
    if (line.measureKind !== 'HOLDING_DESIGNATIONS' || !tier || !TIERS.includes(tier) || targets[tier]) continue;
    const lineProgress = progress.data?.lines.find((l) => l.code === line.code);
    if (!lineProgress) continue;
    targets[tier] = { line: lineProgress, byChain: new Map(lineProgress.splits.filter((s) => s.chainId).map((s) => [s.chainId!, s])) };
  }
  return { year, targets };
}

const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

export default function ChainsPage() {
  const chains = useChains();
  const dict = useDictionaries();
  const { year, targets } = useTierTargets();
  const cityLines = TIERS.filter((t) => targets[t]);
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        标志性产业链
      </Typography.Title>
      {cityLines.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="chain-tier-targets">
          {year}年目标(全市):
          {cityLines.map((t) => `${dict.label('DesignationType', t)} ${targets[t]!.line.actual}/${targets[t]!.line.target ?? '—'} 家`).join(' · ')}
          ;各链卡片上的“/目标”为该链的分解目标
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {chains.map((c) => (
          <Col key={c.id} xs={24} md={12} xl={8}>
            <ChainCard chain={c} targets={targets} />
          </Col>
        ))}
      </Row>
    </>
  );
}

function ChainCard({ chain, targets }: { chain: Schemas['ChainDto']; targets: TierTargets }) {
  const dict = useDictionaries();
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
          {TIERS.map((tier) => {
            const held = tier === 'CHAIN_LEADER' ? s.leaders : tier === 'CHAIN_CORE' ? s.cores : s.bases;
            const split = targets[tier]?.byChain.get(chain.id);
            return (
              <Col span={6} key={tier}>
                <Statistic
                  title={dict.label('DesignationType', tier)}
                  value={held.length}
                  suffix={split ? <span data-testid={`target-${tier}`} style={{ fontSize: 14, color: split.status === 'BEHIND' ? '#cf1322' : '#888' }}>/ {split.target}</span> : undefined}
                />
              </Col>
            );
          })}
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
