import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Select, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';

import { authorizedFetch, errorText, Schemas } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { download } from '../../components/download';

type Kind = Schemas['ImportKind'];
type Report = Schemas['ImportReportDto'];
const KINDS: Kind[] = ['enterprises', 'figures', 'designations', 'chain-memberships', 'land-blocks', 'remediation-cases'];

// Excel shows an 18-character credit code as 9.13302E+17 and saves it that way
const mangledByExcel = (report: Report) => report.errors.some((e) => /^\s*\d(\.\d+)?E\+\d+/i.test(e.message) || /E\+\d{2}/i.test(e.message));

async function upload(kind: Kind, file: File, dryRun: boolean): Promise<Report> {
  const body = new FormData();
  body.append('file', file);
  const response = await authorizedFetch(`/api/v1/imports/${kind}?dryRun=${dryRun}`, { method: 'POST', body });
  const json = await response.json();
  // a rejected apply (422) carries the same error list as a dry run
  if (response.ok) return json as Report;
  if (response.status === 422 && Array.isArray(json.errors)) return { kind, dryRun, fileSha256: '', counts: json.counts ?? { created: 0, updated: 0, unchanged: 0, rejected: json.errors.length }, errors: json.errors };
  throw new Error(json.message ?? `导入失败(${response.status})`);
}

export default function ImportsPage() {
  const dict = useDictionaries();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Report | null>(null);
  const [applied, setApplied] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const kindLabel = (k: Kind) => dict.label('ImportKind', k);
  const step = applied ? 4 : check ? 3 : file ? 2 : kind ? 1 : 0;

  const run = async (dryRun: boolean) => {
    if (!kind || !file) return;
    setBusy(true);
    try {
      const report = await upload(kind, file, dryRun);
      if (dryRun || report.errors.length) setCheck(report);
      else setApplied(report);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const restart = () => {
    setFile(null);
    setCheck(null);
    setApplied(null);
  };

  return (
    <Card title="数据导入">
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: '选择类型' }, { title: '下载模板' }, { title: '上传文件' }, { title: '检查结果' }, { title: '导入完成' }]}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text>导入内容:</Typography.Text>
          <Select
            style={{ width: 220 }}
            placeholder="请选择导入类型"
            value={kind}
            onChange={(k) => {
              setKind(k);
              restart();
            }}
            options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            data-testid="import-kind"
          />
          {kind && (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => download(`/api/v1/imports/templates/${kind}?format=xlsx`, `${kindLabel(kind)}模板.xlsx`).catch((e) => message.error(errorText(e)))}>
                下载 Excel 模板
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => download(`/api/v1/imports/templates/${kind}?format=csv`, `${kindLabel(kind)}模板.csv`).catch((e) => message.error(errorText(e)))}>
                下载 CSV 模板
              </Button>
            </>
          )}
        </Space>
        {kind && !applied && (
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            fileList={file ? [{ uid: 'f', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              setFile(f);
              setCheck(null);
              return false;
            }}
            onRemove={() => restart()}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>点击或拖入文件:CSV(UTF-8 或 GB18030)或 Excel(.xlsx)</p>
          </Upload.Dragger>
        )}
        {file && !check && !applied && (
          <Button type="primary" loading={busy} onClick={() => run(true)}>
            检查文件(不写入)
          </Button>
        )}
        {check && !applied && (
          <>
            <Space size={40}>
              <Statistic title="将新增" value={check.counts.created} />
              <Statistic title="将更新" value={check.counts.updated} />
              <Statistic title="无变化" value={check.counts.unchanged} />
              <Statistic title="有错误" value={check.counts.rejected} valueStyle={{ color: check.counts.rejected ? '#cf1322' : undefined }} />
            </Space>
            {check.errors.length > 0 ? (
              <>
                <Alert type="error" showIcon message={`文件中有 ${check.errors.length} 处错误,全部改正后才能导入(导入要么全部写入,要么都不写入)`} />
                {mangledByExcel(check) && (
                  <Alert type="warning" showIcon message="统一社会信用代码被 Excel 显示成了科学计数法(如 9.13302E+17),请把该列设置为“文本”格式后重新输入,或使用下载的模板。" />
                )}
                <Table
                  size="small"
                  rowKey={(e) => `${e.line}-${e.column}-${e.code}`}
                  dataSource={check.errors}
                  pagination={{ pageSize: 20, showSizeChanger: false }}
                  data-testid="import-errors"
                  columns={[
                    { title: '行', dataIndex: 'line', width: 80 },
                    { title: '列', dataIndex: 'column', width: 200 },
                    { title: '问题', dataIndex: 'message' },
                  ]}
                />
                <Typography.Text type="secondary">改好文件后重新选择上传。</Typography.Text>
              </>
            ) : (
              <Space>
                <Alert type="success" showIcon message="检查通过,可以导入" />
                <Button type="primary" loading={busy} onClick={() => run(false)}>
                  确认导入
                </Button>
              </Space>
            )}
          </>
        )}
        {applied && (
          <Result
            status="success"
            title="导入完成"
            subTitle={`新增 ${applied.counts.created} 条,更新 ${applied.counts.updated} 条,无变化 ${applied.counts.unchanged} 条`}
            extra={<Button onClick={restart}>继续导入</Button>}
          />
        )}
      </Space>
    </Card>
  );
}
