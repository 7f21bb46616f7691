import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Tree, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { EnterprisePicker } from '../../components/enterprise-picker';
import { segmentTreeData } from './segment-tree';

const MEMBER_PAGE_SIZE = 20;
const MEMBER_TIERS = ['CHAIN_LEADER', 'CHAIN_CORE', 'CHAIN_BASE'] as const;
type MemberTier = (typeof MEMBER_TIERS)[number];

export default function ChainDetailPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const { districtName } = useDistricts();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [addingSegment, setAddingSegment] = useState(false);
  const [segmentFilter, setSegmentFilter] = useState<string | null>(null);
  const [editingSegment, setEditingSegment] = useState<Schemas['ChainSegmentNodeDto'] | null>(null);
  const [tier, setTier] = useState<MemberTier>();
  const [keyword, setKeyword] = useState<string>();
  const [page, setPage] = useState(1);
  const dict = useDictionaries();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;
  const path = { id };
  const chain = useQuery({ queryKey: ['chains', id], queryFn: () => unwrap(api.GET('/api/v1/chains/{id}', { params: { path } })) });
  const segments = useQuery({ queryKey: ['chains', id, 'segments'], queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/segments', { params: { path } })) });
  // One page of members at a time: a chain at 1,000,000 enterprises holds tens of thousands.
  const memberQuery = { page, pageSize: MEMBER_PAGE_SIZE, tier, segmentId: segmentFilter ?? undefined, keyword: keyword || undefined };
  const members = useQuery({
    queryKey: ['chains', id, 'members', memberQuery],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/members', { params: { path, query: memberQuery } })),
  });
  const summary = useQuery({ queryKey: ['chains', id, 'summary', year], queryFn: () => unwrap(api.GET('/api/v1/chains/{id}/summary', { params: { path, query: { year } } })) });
  const canWrite = auth.can('CHAIN_MEMBER_WRITE');
  const canEditSegments = auth.can('CHAIN_WRITE');
  const findSegment = (nodes: Schemas['ChainSegmentNodeDto'][], key: string | null): Schemas['ChainSegmentNodeDto'] | null =>
    nodes.reduce<Schemas['ChainSegmentNodeDto'] | null>((hit, n) => hit ?? (n.id === key ? n : findSegment(n.children, key)), null);
  const selectedSegment = findSegment(segments.data ?? [], segmentFilter);

  const remove = async (member: Schemas['ChainMemberDto']) => {
    try {
      await unwrap(api.DELETE('/api/v1/chains/{id}/members/{memberId}', { params: { path: { id, memberId: member.id } } }));
      message.success(`已将 ${member.enterpriseName} 移出`);
      await queryClient.invalidateQueries({ queryKey: ['chains', id] });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const holders = (title: string, list: Schemas['ChainHolderDto'][] | undefined, testId: string) => (
    <Card size="small" title={`${title}(${list?.length ?? 0})`} data-testid={testId}>
      <Space wrap>
        {(list ?? []).map((h) => (
          <Link key={h.designationId} to={`/enterprises/${h.enterpriseId}`}>
            <Tag color={h.status === 'RECOGNISED' ? 'blue' : 'default'}>
              {h.enterpriseName} · {h.levelLabel}
              {h.status === 'RECOGNISED' ? '' : ` · ${h.statusLabel}`}
            </Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {chain.data?.name}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{chain.data?.description}</Typography.Paragraph>
        {chain.data?.leadUnit && <Typography.Text>牵头单位:{chain.data.leadUnit}</Typography.Text>}
      </Card>
      <Row gutter={16}>
        <Col span={8}>{holders('链主', summary.data?.leaders, 'chain-leaders')}</Col>
        <Col span={8}>{holders('链核', summary.data?.cores, 'chain-cores')}</Col>
        <Col span={8}>{holders('链基', summary.data?.bases, 'chain-bases')}</Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <Card
            size="small"
            title="产业链环节"
            extra={
              canEditSegments && (
                <Space size={4}>
                  <Button size="small" icon={<EditOutlined />} disabled={!selectedSegment} onClick={() => setEditingSegment(selectedSegment)}>
                    编辑环节
                  </Button>
                  <Button size="small" onClick={() => setAddingSegment(true)}>新增环节</Button>
                </Space>
              )
            }
          >
            <Tree
              treeData={segmentTreeData(segments.data ?? [])}
              defaultExpandAll
              key={segments.data?.length ?? 0}
              selectedKeys={segmentFilter ? [segmentFilter] : []}
              onSelect={(keys) => {
                setSegmentFilter((keys[0] as string | undefined)?.startsWith('stage:') ? null : ((keys[0] as string) ?? null));
                setPage(1);
              }}
            />
            {selectedSegment && <Typography.Text type="secondary">已按环节“{selectedSegment.name}”(含下级环节)筛选成员,再点一次取消</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card size="small" title={`成员企业(${members.data?.meta.total ?? 0})`} extra={canWrite && <Button type="primary" size="small" onClick={() => setAdding(true)}>添加成员</Button>}>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select<MemberTier>
                allowClear
                placeholder="链主/链核/链基"
                aria-label="培育层级"
                style={{ width: 150 }}
                value={tier}
                onChange={(v) => { setTier(v); setPage(1); }}
                options={MEMBER_TIERS.map((t) => ({ value: t, label: dict.label('DesignationType', t) }))}
              />
              <Input.Search allowClear placeholder="企业名称或信用代码" style={{ width: 240 }} onSearch={(v) => { setKeyword(v.trim()); setPage(1); }} />
            </Space>
            <div data-testid="chain-members">
            <Table<Schemas['ChainMemberDto']>
              rowKey="id"
              size="small"
              loading={members.isFetching}
              dataSource={members.data?.items ?? []}
              pagination={{ current: page, pageSize: MEMBER_PAGE_SIZE, total: members.data?.meta.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => `共 ${n} 家` }}
              columns={[
                { title: '企业', dataIndex: 'enterpriseName', render: (v, r) => <Link to={`/enterprises/${r.enterpriseId}`}>{v}</Link> },
                { title: '区县', dataIndex: 'districtCode', render: districtName },
                { title: '环节', key: 'segment', render: (_, r) => [r.stageLabel, r.segmentName].filter(Boolean).join(' · ') || '—' },
                { title: '主要产品', dataIndex: 'mainProducts', render: (v) => v ?? '—' },
                { title: '重点企业', dataIndex: 'keyEnterprise', render: (v: boolean) => (v ? '是' : '否') },
                ...(canWrite
                  ? [{
                      title: '操作',
                      key: 'op',
                      render: (_: unknown, r: Schemas['ChainMemberDto']) => (
                        <Popconfirm title={`将 ${r.enterpriseName} 移出本产业链?`} onConfirm={() => remove(r)} okText="移出" cancelText="取消">
                          <Button size="small" danger icon={<DeleteOutlined />}>
                            移出
                          </Button>
                        </Popconfirm>
                      ),
                    }]
                  : []),
              ]}
            />
            </div>
          </Card>
        </Col>
      </Row>
      {adding && <AddMemberModal chainId={id} segments={segments.data ?? []} onClose={() => setAdding(false)} />}
      {addingSegment && <AddSegmentModal chainId={id} segments={segments.data ?? []} onClose={() => setAddingSegment(false)} />}
      {editingSegment && <EditSegmentModal chainId={id} segment={editingSegment} segments={segments.data ?? []} onClose={() => setEditingSegment(null)} />}
    </Space>
  );
}

function AddMemberModal({ chainId, segments, onClose }: { chainId: string; segments: Schemas['ChainSegmentNodeDto'][]; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async (v: { enterpriseId: string; segmentId?: string; mainProducts?: string }) => {
    try {
      await unwrap(api.POST('/api/v1/chains/{id}/members', { params: { path: { id: chainId } }, body: { enterpriseId: v.enterpriseId, segmentId: v.segmentId ?? null, mainProducts: v.mainProducts || null } }));
      message.success('已添加成员');
      await queryClient.invalidateQueries({ queryKey: ['chains', chainId] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title="添加成员企业" onCancel={onClose} onOk={() => form.submit()} okText="添加">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
          <EnterprisePicker />
        </Form.Item>
        <Form.Item name="segmentId" label="所在环节">
          <TreeSelect treeData={segmentTreeData(segments)} allowClear treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="mainProducts" label="主要产品">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddSegmentModal({ chainId, segments, onClose }: { chainId: string; segments: Schemas['ChainSegmentNodeDto'][]; onClose: () => void }) {
  const [form] = Form.useForm();
  const dict = useDictionaries();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async (v: { name: string; code: string; stage: Schemas['ChainStage']; parentId?: string }) => {
    try {
      await unwrap(api.POST('/api/v1/chains/{id}/segments', { params: { path: { id: chainId } }, body: { ...v, parentId: v.parentId ?? undefined } as never }));
      message.success('已新增环节');
      await queryClient.invalidateQueries({ queryKey: ['chains', chainId, 'segments'] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Modal open title="新增环节" onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="stage" label="上中下游" rules={[{ required: true, message: '请选择' }]}>
          <Select options={dict.options('ChainStage')} />
        </Form.Item>
        <Form.Item name="parentId" label="上级环节">
          <TreeSelect treeData={segmentTreeData(segments)} allowClear treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="code" label="环节代码" rules={[{ required: true, message: '请填写环节代码' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="环节名称" rules={[{ required: true, message: '请填写环节名称' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Rename, recode, move (stage, parent) or reorder one segment; a stale version comes back as 409 and the tree is reloaded. */
function EditSegmentModal({ chainId, segment, segments, onClose }: { chainId: string; segment: Schemas['ChainSegmentNodeDto']; segments: Schemas['ChainSegmentNodeDto'][]; onClose: () => void }) {
  const [form] = Form.useForm();
  const dict = useDictionaries();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // A segment cannot move under itself or its own sub-segments.
  const withoutSelf = (nodes: Schemas['ChainSegmentNodeDto'][]): Schemas['ChainSegmentNodeDto'][] =>
    nodes.filter((n) => n.id !== segment.id).map((n) => ({ ...n, children: withoutSelf(n.children) }));
  const submit = async (v: { name: string; code: string; stage: Schemas['ChainStage']; parentId?: string | null; sortOrder?: number }) => {
    try {
      await unwrap(
        api.PATCH('/api/v1/chains/{id}/segments/{segmentId}', {
          params: { path: { id: chainId, segmentId: segment.id } },
          body: { name: v.name, code: v.code, stage: v.stage, parentId: v.parentId ?? null, sortOrder: v.sortOrder ?? 0, version: segment.version },
        }),
      );
      message.success('环节已保存');
      await queryClient.invalidateQueries({ queryKey: ['chains', chainId] });
      onClose();
    } catch (e) {
      message.error(errorText(e));
      await queryClient.invalidateQueries({ queryKey: ['chains', chainId, 'segments'] });
    }
  };
  return (
    <Modal open title={`编辑环节 ${segment.name}`} onCancel={onClose} onOk={() => form.submit()} okText="保存">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ name: segment.name, code: segment.code, stage: segment.stage, parentId: segment.parentId ?? undefined, sortOrder: segment.sortOrder }}>
        <Form.Item name="name" label="环节名称" rules={[{ required: true, message: '请填写环节名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label="环节代码" rules={[{ required: true, message: '请填写环节代码' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="stage" label="上中下游" rules={[{ required: true, message: '请选择' }]}>
          <Select options={dict.options('ChainStage')} />
        </Form.Item>
        <Form.Item name="parentId" label="上级环节" extra="清空即移到顶层">
          <TreeSelect treeData={segmentTreeData(withoutSelf(segments))} allowClear treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" extra="同级环节按此数字从小到大排列">
          <InputNumber min={0} precision={0} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
