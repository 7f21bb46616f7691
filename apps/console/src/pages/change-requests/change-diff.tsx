import { Table } from 'antd';

import { Schemas } from '../../api/client';
import { useDictionaries } from '../../api/dictionaries';
import { fieldValue } from '../../components/field-value';

/** A change request as a before → after table in Chinese field labels. */
export function ChangeDiff({ request }: { request: Schemas['ChangeRequestDto'] }) {
  const dict = useDictionaries();
  const entity = request.kind === 'FIGURES' ? 'enterprise_figure' : 'enterprise';
  const changes = request.changes as Record<string, unknown>;
  const previous = request.previous as Record<string, unknown>;
  const rows = Object.keys(changes).map((k) => ({ field: k, before: previous[k], after: changes[k] }));
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      data-testid="change-diff"
      columns={[
        { title: '字段', dataIndex: 'field', width: 180, render: (f: string) => dict.field(entity, f).label },
        { title: '原值', dataIndex: 'before', render: (v, r) => fieldValue(r.field, v, dict.field(entity, r.field).unit) },
        { title: '新值', dataIndex: 'after', render: (v, r) => <b>{fieldValue(r.field, v, dict.field(entity, r.field).unit)}</b> },
      ]}
    />
  );
}
