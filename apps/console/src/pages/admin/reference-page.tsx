import { Card, Table, Tabs, Tag, Tree } from 'antd';
import { Key, useEffect, useState } from 'react';
import { Link } from 'react-router';

import { fetchIndustries, useChains, useDistricts } from '../../api/reference';

interface IndustryNode {
  key: string;
  title: string;
  isLeaf?: boolean;
  children?: IndustryNode[];
}

export default function ReferencePage() {
  const { districts } = useDistricts();
  const chains = useChains();
  return (
    <Card title="基础数据">
      <Tabs
        items={[
          {
            key: 'districts',
            label: '区县(GB/T 2260)',
            children: (
              <Table
                rowKey="code"
                size="small"
                dataSource={districts}
                pagination={false}
                columns={[
                  { title: '代码', dataIndex: 'code' },
                  { title: '名称', dataIndex: 'name' },
                  { title: '类别', dataIndex: 'kindLabel' },
                  { title: '状态', dataIndex: 'retired', render: (r: boolean) => (r ? <Tag>已撤销</Tag> : <Tag color="green">现行</Tag>) },
                ]}
              />
            ),
          },
          { key: 'industries', label: '行业(GB/T 4754-2017)', children: <IndustryTree /> },
          {
            key: 'chains',
            label: '产业链与环节',
            children: (
              <Table
                rowKey="id"
                size="small"
                dataSource={chains}
                pagination={false}
                columns={[
                  { title: '代码', dataIndex: 'code' },
                  { title: '名称', dataIndex: 'name', render: (v, c) => <Link to={`/chains/${c.id}`}>{v}</Link> },
                  { title: '牵头单位', dataIndex: 'leadUnit', render: (v) => v ?? '—' },
                  { title: '推进机构', dataIndex: 'promotionAgency', render: (v) => v ?? '—' },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

function IndustryTree() {
  const [tree, setTree] = useState<IndustryNode[]>([]);
  useEffect(() => {
    fetchIndustries().then((s) => setTree(s.map((i) => ({ key: i.code, title: `${i.code} ${i.name}` }))), () => undefined);
  }, []);
  const load = async (node: { key: Key }) => {
    const children = await fetchIndustries(String(node.key));
    const attach = (nodes: IndustryNode[]): IndustryNode[] =>
      nodes.map((n) =>
        n.key === node.key
          ? { ...n, isLeaf: !children.length, children: children.map((c) => ({ key: c.code, title: `${c.code} ${c.name}`, isLeaf: c.code.length >= 4 })) }
          : { ...n, children: n.children && attach(n.children) },
      );
    setTree((t) => attach(t));
  };
  return <Tree treeData={tree} loadData={load} />;
}
