import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

import { useAuth } from '../../api/auth';
import { api, authorizedFetch, errorText, Schemas, unwrap } from '../../api/client';
import { download } from '../../components/download';
import { beijingTime } from '../../components/format';
import { usePlanYears } from '../progress/progress-page';

type Quarter = Schemas['QuarterStatusDto'];

const FORMATS = [
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel' },
  { format: 'csv', label: 'CSV' },
] as const;

export const reportUrl = (year: number, quarter: number, format: string) => `/api/v1/reports/quarterly/${year}/${quarter}?format=${format}`;

/** The frozen report's PDF shown in the page (fetched with the token, shown from a blob URL). */
export function PdfPreview({ year, quarter }: { year: number; quarter: number }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let href: string | null = null;
    void authorizedFetch(reportUrl(year, quarter, 'pdf')).then(async (res) => {
      if (!res.ok) return setError(`预览失败(${res.status})`);
      href = URL.createObjectURL(await res.blob());
      setUrl(href);
    });
    return () => {
      if (href) URL.revokeObjectURL(href);
    };
  }, [year, quarter]);
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  // A browser without a built-in PDF viewer (headless Chromium, some locked-down intranet builds) shows an
  // embedded PDF as a blank frame: say so and offer the file instead.
  if (url && navigator.pdfViewerEnabled === false) {
    return (
      <Empty data-testid="pdf-preview" image={Empty.PRESENTED_IMAGE_SIMPLE} description="此浏览器不能在页面内显示 PDF,请打开或下载后查看">
        <Space>
          <Button type="primary" href={url} target="_blank" rel="noopener">
            在新标签页打开
          </Button>
          <Button href={url} download={`${year}年第${quarter}季度报告.pdf`}>
            下载 PDF
          </Button>
        </Space>
      </Empty>
    );
  }
  return url ? <iframe title={`${year} 年第 ${quarter} 季度报告预览`} src={url} style={{ width: '100%', height: 720, border: '1px solid #f0f0f0' }} data-testid="pdf-preview" /> : <Typography.Text type="secondary">正在加载预览…</Typography.Text>;
}

export default function ReportsPage() {
  const { message } = App.useApp();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const { years, fallback, plans } = usePlanYears();
  const year = Number(params.get('year')) || fallback;
  const [preview, setPreview] = useState<number | null>(null);
  const [freezing, setFreezing] = useState<Quarter | null>(null);
  const districtView = (auth.me?.scope.districts ?? []).length > 0;

  const quarters = useQuery({
    queryKey: ['quarters', year],
    enabled: Boolean(year),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/quarters', { params: { path: { year } } })),
  });

  if (!plans.isLoading && !years.length) return <Empty description="尚无指标计划" />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={16}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            季度报告
          </Typography.Title>
          <Select aria-label="年度" style={{ width: 120 }} value={year} onChange={(v) => setParams({ year: String(v) }, { replace: true })} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
          {districtView && <Tag color="blue">区县视图:报告只含本辖区的分解目标和企业</Tag>}
        </Space>
      </Card>
      {quarters.error && <Typography.Text type="danger">{errorText(quarters.error)}</Typography.Text>}
      <Row gutter={[16, 16]}>
        {(quarters.data?.quarters ?? []).map((q) => (
          <Col xs={24} md={12} xl={6} key={q.quarter}>
            <Card
              data-testid={`quarter-${q.quarter}`}
              title={`第 ${q.quarter} 季度`}
              extra={q.frozen ? <Tag color="green">已冻结</Tag> : <Tag>未冻结</Tag>}
              style={{ height: '100%' }}
            >
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">截至 {q.asOf}</Typography.Text>
                {q.frozen ? (
                  <Typography.Text>
                    由 {q.frozenByName} 于 {beijingTime(q.frozenAt)} 冻结
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{q.ended ? '季度已结束,待冻结' : '季度尚未结束'}</Typography.Text>
                )}
                {q.frozen ? (
                  <Space wrap>
                    {FORMATS.map((f) => (
                      <Button key={f.format} size="small" onClick={() => download(reportUrl(year, q.quarter, f.format), `${year}Q${q.quarter}.${f.format}`).catch((e) => message.error(errorText(e)))}>
                        下载 {f.label}
                      </Button>
                    ))}
                    <Button size="small" type="link" onClick={() => setPreview(preview === q.quarter ? null : q.quarter)}>
                      {preview === q.quarter ? '收起预览' : '预览 PDF'}
                    </Button>
                  </Space>
                ) : (
                  auth.can('REPORT_FREEZE') && (
                    <Button type="primary" size="small" disabled={!q.ended} onClick={() => setFreezing(q)}>
                      预览并冻结
                    </Button>
                  )
                )}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {preview && (
        <Card title={`${year} 年第 ${preview} 季度报告(PDF 预览)`}>
          <PdfPreview year={year} quarter={preview} />
        </Card>
      )}
      <FreezeModal
        year={year}
        quarter={freezing}
        onClose={() => setFreezing(null)}
        onDone={(q) => {
          setFreezing(null);
          message.success(`${year} 年第 ${q} 季度已冻结`);
          void queryClient.invalidateQueries({ queryKey: ['quarters', year] });
        }}
      />
    </Space>
  );
}

/** Shows what the quarter will freeze as (live, as of its last day), then asks once more: it cannot be undone. */
function FreezeModal({ year, quarter, onClose, onDone }: { year: number; quarter: Quarter | null; onClose: () => void; onDone: (q: number) => void }) {
  const { modal } = App.useApp();
  const q = quarter?.quarter;
  const preview = useQuery({
    queryKey: ['compare', year, q, 'freeze-preview'],
    enabled: Boolean(q),
    queryFn: () => unwrap(api.GET('/api/v1/quota-plans/{year}/quarters/{q}/compare', { params: { path: { year, q: q! } } })),
  });
  const freeze = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/quota-plans/{year}/quarters/{q}/snapshot', { params: { path: { year, q: q! } } })),
  });
  // The preview closes only after the confirmation has closed: closing it first leaves the confirmation's
  // overlay on the page, which then swallows every click.
  const confirm = () => {
    let frozen = false;
    modal.confirm({
      title: `确认冻结 ${year} 年第 ${q} 季度?`,
      content: '冻结后,本季度的进度和报告将固定不变,之后补录的数据也不会改变它。此操作不可撤销。',
      okText: '确认冻结,不可撤销',
      okButtonProps: { danger: true },
      cancelText: '再想想',
      onOk: async () => {
        await freeze.mutateAsync();
        frozen = true;
      },
      afterClose: () => {
        if (frozen) onDone(q!);
      },
    });
  };
  return (
    <Modal
      open={Boolean(quarter)}
      width={900}
      title={`冻结前预览:${year} 年第 ${q} 季度(截至 ${quarter?.asOf ?? ''})`}
      onCancel={onClose}
      destroyOnClose
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="freeze" type="primary" danger disabled={!preview.data} loading={freeze.isPending} onClick={confirm}>
          冻结
        </Button>,
      ]}
    >
      {freeze.error && <Typography.Text type="danger">{errorText(freeze.error)}</Typography.Text>}
      <Table
        size="small"
        rowKey="code"
        loading={preview.isLoading}
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={preview.data?.lines ?? []}
        columns={[
          { title: '指标', dataIndex: 'label' },
          { title: '目标', align: 'right', render: (_, l) => `${l.target ?? '—'} ${l.unit}` },
          { title: '完成', align: 'right', render: (_, l) => `${l.actual} ${l.unit}` },
          { title: '上季度末', align: 'right', render: (_, l) => (l.previousActual == null ? '—' : `${l.previousActual} ${l.unit}`) },
          { title: '状态', dataIndex: 'statusLabel' },
        ]}
      />
    </Modal>
  );
}
