import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Form, Input, List, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { Navigate, useParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, errorText, Schemas, unwrap } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { download } from '../../components/download';
import { beijingTime } from '../../components/format';
import { useMyEnterprise } from '../my/my-enterprise-select';
import { CLASS_COLORS, useEvaluationYears } from './evaluation-queries';

type Term = Schemas['SheetTermDto'];
type Response = Schemas['SheetResponseDto'];

const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toLocaleString('zh-CN', { maximumFractionDigits: digits }));

/** The liaison's own sheet: the newest year's, for the bound firm. */
export function MyEvaluationRedirect() {
  const { id, none } = useMyEnterprise();
  const { year, loading } = useEvaluationYears(null);
  if (loading) return <Spin />;
  if (!id) return none;
  return <Navigate to={`/evaluation/${year}/${id}`} replace />;
}

/** 一企一单: a firm's indicators, terms, score, rank and class; the liaison confirms or objects, staff decide. */
export default function EvaluationSheetPage() {
  const { year: yearText, id } = useParams();
  const year = Number(yearText);
  const { message } = App.useApp();
  const auth = useAuth();
  const dict = useDictionaries();
  const queryClient = useQueryClient();
  const [objectionForm] = Form.useForm();
  const [decisionForm] = Form.useForm();
  const { years } = useEvaluationYears(year);

  const sheet = useQuery({
    queryKey: ['evaluation-sheet', year, id],
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/evaluations/{year}/enterprises/{id}', { params: { path: { year, id: id! } } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['evaluation-sheet', year, id] });
  const respond = useMutation({
    mutationFn: (body: Schemas['RespondDto']) => unwrap(api.POST('/api/v1/evaluations/{year}/enterprises/{id}/responses', { params: { path: { year, id: id! } }, body })),
    onSuccess: (r) => (message.success(r.kind === 'OBJECT' ? '异议已提交,请等待处理' : '已确认'), objectionForm.resetFields(), refresh()),
    onError: (e) => message.error(errorText(e)),
  });
  const decide = useMutation({
    mutationFn: ({ objection, values }: { objection: Response; values: { outcome: 'UPHELD' | 'REJECTED'; newClass?: 'A' | 'B' | 'C' | 'D'; note: string } }) =>
      unwrap(api.POST('/api/v1/evaluation-objections/{id}/decision', { params: { path: { id: objection.id } }, body: { ...values, version: objection.version } })),
    onSuccess: () => (message.success('异议已处理'), decisionForm.resetFields(), refresh()),
    onError: (e) => message.error(errorText(e)),
  });

  if (sheet.isLoading) return <Spin />;
  if (sheet.isError || !sheet.data) return <Empty description={`${year} 年没有该企业的亩均评价单`} />;
  const s = sheet.data;
  const pending = s.responses.find((r) => r.status === 'PENDING');
  const canRespond = auth.can('EVALUATION_RESPOND');
  const canDecide = auth.can('EVALUATION_DECIDE');

  const termColumns = [
    { title: '指标', dataIndex: 'indicator', render: (v: string, t: Term) => `${dict.label('IndicatorKind', v)}(${t.unit})` },
    { title: '企业值', dataIndex: 'value', align: 'right' as const, render: (v: number | null) => num(v, 4) },
    { title: '基准值', dataIndex: 'benchmark', align: 'right' as const, render: (v: number | null) => num(v, 4) },
    { title: '权重', dataIndex: 'weight', align: 'right' as const },
    { title: '封顶分', dataIndex: 'cap', align: 'right' as const },
    { title: '得分', dataIndex: 'term', align: 'right' as const, render: (v: number | null) => <b>{num(v)}</b> },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {year} 年度亩均效益评价单 · {s.name}
          </Typography.Title>
          <Tag color={s.status === 'FROZEN' ? 'default' : s.status === 'PUBLICISED' ? 'orange' : 'blue'}>{dict.label('EvaluationStatus', s.status)}</Tag>
          {years.length > 1 && <Typography.Text type="secondary">其他年度:{years.filter((y) => y.year !== year).map((y) => y.year).join('、')}</Typography.Text>}
        </Space>
        <Button onClick={() => download(`/api/v1/evaluations/${year}/enterprises/${id}/pdf`, `${year}年亩均评价单.pdf`).catch((e) => message.error(errorText(e)))}>下载评价单 PDF</Button>
      </Space>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="统一社会信用代码">{s.creditCode}</Descriptions.Item>
          <Descriptions.Item label="区县">{s.districtName ?? s.districtCode}</Descriptions.Item>
          <Descriptions.Item label="评价类别">{dict.label('PopulationKind', s.population, '—')}</Descriptions.Item>
          <Descriptions.Item label="用地(亩)">自有 {num(s.inputs.ownedMu)} · 租赁 {num(s.inputs.leasedMu)} · 合计 {num(s.landMu)}</Descriptions.Item>
          <Descriptions.Item label="评价税收(元)">{num(s.inputs.evaluationTaxYuan)}</Descriptions.Item>
          <Descriptions.Item label="工业增加值(元)">{num(s.inputs.valueAddedYuan)}</Descriptions.Item>
          <Descriptions.Item label="综合能耗(吨标准煤)">{num(s.inputs.energyTce, 3)}</Descriptions.Item>
          <Descriptions.Item label="主要污染物排放(吨)">{num(s.inputs.emissionsTonnes, 3)}</Descriptions.Item>
          <Descriptions.Item label="用电量(千瓦时)">{num(s.inputs.electricityKwh)}</Descriptions.Item>
          <Descriptions.Item label="研发经费(元)">{num(s.inputs.rdSpendYuan)}</Descriptions.Item>
          <Descriptions.Item label="主营业务收入(元)">{num(s.inputs.mainRevenueYuan)}</Descriptions.Item>
          <Descriptions.Item label="年平均职工人数">{num(s.inputs.averageEmployees, 0)}</Descriptions.Item>
          {s.publicityStartsOn && <Descriptions.Item label="公示期">{s.publicityStartsOn} 至 {s.publicityEndsOn}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title="指标与得分(得分 = 企业值 ÷ 基准值 × 权重,0 至封顶分)">
        {s.exclusionReason ? (
          <Typography.Text type="warning">不参评:{dict.label('ExclusionReason', s.exclusionReason)}</Typography.Text>
        ) : (
          <>
            <Table<Term> rowKey="indicator" size="small" pagination={false} dataSource={s.terms} columns={termColumns} />
            <Space size="large" style={{ marginTop: 12 }}>
              <Typography.Text>
                总分 <b style={{ fontSize: 18 }}>{num(s.score)}</b>
              </Typography.Text>
              <Typography.Text>
                类内排名 <b>{s.rank}</b> / {s.populationSize}
              </Typography.Text>
              {s.finalClass && (
                <Tag color={CLASS_COLORS[s.finalClass]} style={{ fontSize: 14, padding: '2px 10px' }}>
                  {dict.label('EvaluationClass', s.finalClass)}
                </Tag>
              )}
              {s.computedClass && s.finalClass !== s.computedClass && <Typography.Text type="secondary">计算档次 {dict.label('EvaluationClass', s.computedClass)},经异议调整</Typography.Text>}
            </Space>
          </>
        )}
      </Card>
      <Card size="small" title="企业确认与异议">
        <List<Response>
          dataSource={s.responses}
          locale={{ emptyText: '企业尚未确认' }}
          renderItem={(r) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Space wrap>
                  <Tag color={r.kind === 'OBJECT' ? 'orange' : 'green'}>{dict.label('ResponseKind', r.kind)}</Tag>
                  {r.kind === 'OBJECT' && <Tag>{dict.label('ObjectionStatus', r.status)}</Tag>}
                  <Typography.Text type="secondary">
                    {r.submittedBy} · {beijingTime(r.createdAt)}
                  </Typography.Text>
                </Space>
                {r.reason && <Typography.Text>理由:{r.reason}</Typography.Text>}
                {r.evidence.length > 0 && <Typography.Text>佐证材料:{r.evidence.join(';')}</Typography.Text>}
                {r.requestedClass && <Typography.Text>申请调整为:{dict.label('EvaluationClass', r.requestedClass)}</Typography.Text>}
                {r.decidedBy && (
                  <Typography.Text type="secondary">
                    处理:{r.decidedBy} · {beijingTime(r.decidedAt)} · {r.decisionNote}
                    {r.decidedClass ? `(调整为 ${dict.label('EvaluationClass', r.decidedClass)})` : ''}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
        {canRespond && !pending && (
          <Form form={objectionForm} layout="vertical" onFinish={(v) => respond.mutate({ kind: 'OBJECT', reason: v.reason, evidence: String(v.evidence ?? '').split('\n').map((x: string) => x.trim()).filter(Boolean), requestedClass: v.requestedClass })} style={{ maxWidth: 640, marginTop: 12 }}>
            <Typography.Paragraph type="secondary">对评价单无异议请点“确认无异议”;如有异议,请写明理由并列出佐证材料(每行一项)。</Typography.Paragraph>
            <Form.Item name="reason" label="异议理由">
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="evidence" label="佐证材料(每行一项)">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="requestedClass" label="申请调整为(可选)">
              <Select allowClear style={{ width: 200 }} options={dict.options('EvaluationClass')} />
            </Form.Item>
            <Space>
              {s.status !== 'FROZEN' && (
                <Button onClick={() => respond.mutate({ kind: 'CONFIRM' })} loading={respond.isPending}>
                  确认无异议
                </Button>
              )}
              <Button type="primary" htmlType="submit" loading={respond.isPending}>
                提出异议
              </Button>
            </Space>
          </Form>
        )}
        {canDecide && pending && (
          <Form form={decisionForm} layout="vertical" onFinish={(values) => decide.mutate({ objection: pending, values })} style={{ maxWidth: 640, marginTop: 12 }} initialValues={{ outcome: 'REJECTED' }}>
            <Typography.Text strong>处理异议</Typography.Text>
            <Form.Item name="outcome" label="处理结果" rules={[{ required: true }]}>
              <Radio.Group options={[{ value: 'UPHELD', label: '异议成立' }, { value: 'REJECTED', label: '异议不成立' }]} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                decisionForm.getFieldValue('outcome') === 'UPHELD' && (
                  <Form.Item name="newClass" label="调整后档次" rules={[{ required: true, message: '请选择调整后的档次' }]}>
                    <Select style={{ width: 200 }} options={dict.options('EvaluationClass')} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item name="note" label="处理意见" rules={[{ required: true, message: '请填写处理意见' }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={decide.isPending}>
              提交处理结果
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
