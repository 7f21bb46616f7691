import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';

import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { date, money } from '../../components/format';
import { ChainMembershipList, CommunityMembershipList } from '../enterprises/chain-community-lists';
import { useEnterprise, useEnterpriseDesignations } from '../enterprises/enterprise-queries';
import { useMyEnterprise } from './my-enterprise-select';

const CHAIN_TYPES = ['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE'];
const SHOWN = ['name', 'shortName', 'creditCode', 'districtCode', 'address', 'legalRepresentative', 'foundedOn', 'registeredCapitalYuan', 'stockCode', 'landAreaMu', 'contactPerson', 'contactPhone', 'contactEmail'] as const;

/** 我的企业: the liaison's firm, its designations and where it sits on the chains (read-only). */
export default function MyEnterprisePage() {
  const { id, picker, none } = useMyEnterprise();
  if (!id) return none;
  return <MyEnterprise id={id} picker={picker} />;
}

function MyEnterprise({ id, picker }: { id: string; picker: React.ReactNode }) {
  const dict = useDictionaries();
  const { districtName } = useDistricts();
  const enterprise = useEnterprise(id);
  const designations = useEnterpriseDesignations(id);
  const e = enterprise.data as Record<string, unknown> | undefined;
  const show = (field: string) => {
    const v = e?.[field];
    if (field === 'districtCode') return districtName(v as string);
    if (field === 'registeredCapitalYuan') return money(v as number);
    if (v === null || v === undefined || v === '') return '—';
    const unit = dict.field('enterprise', field).unit;
    return unit ? `${String(v)} ${unit}` : String(v);
  };
  const all = designations.data ?? [];
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Space>我的企业{picker}</Space>} loading={enterprise.isLoading}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" bordered>
          {SHOWN.map((f) => (
            <Descriptions.Item key={f} label={dict.field('enterprise', f).label}>
              {show(f)}
            </Descriptions.Item>
          ))}
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          信息有误?请在"申请修改"中提交。
        </Typography.Paragraph>
      </Card>
      <Card title="认定与培育">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={all.filter((d) => !CHAIN_TYPES.includes(d.type))}
          locale={{ emptyText: '暂无认定' }}
          columns={[
            { title: '认定类型', dataIndex: 'typeLabel' },
            { title: '级别', dataIndex: 'levelLabel' },
            { title: '状态', render: (_, d) => <Tag color={d.status === 'RECOGNISED' ? 'green' : d.status === 'EXPIRED' ? 'default' : 'blue'}>{d.statusLabel}</Tag> },
            { title: '认定日期', dataIndex: 'recognisedOn', render: date },
            { title: '有效期至', dataIndex: 'expiresOn', render: date },
            { title: '文号', dataIndex: 'noticeNo', render: (v) => v ?? '—' },
          ]}
        />
      </Card>
      <Card title="产业链与共同体">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={all.filter((d) => CHAIN_TYPES.includes(d.type))}
          title={() => <Typography.Text strong>链主、链核、链基认定</Typography.Text>}
          locale={{ emptyText: '未在产业链上认定链主、链核或链基' }}
          columns={[
            { title: '产业链', dataIndex: 'chainName' },
            { title: '梯队', dataIndex: 'typeLabel' },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '认定日期', dataIndex: 'recognisedOn', render: date },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <ChainMembershipList enterpriseId={id} title="所在产业链" />
        </div>
        <div style={{ marginTop: 12 }}>
          <CommunityMembershipList enterpriseId={id} title="参与的共同体" />
        </div>
      </Card>
    </Space>
  );
}
