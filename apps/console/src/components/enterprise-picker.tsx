import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../api/client';

/** Searches enterprises on the server (name, former name or credit code): never loads the registry. */
export function EnterprisePicker(props: { id?: string; value?: string; onChange?: (id: string) => void; placeholder?: string; initialLabel?: string }) {
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: ['enterprise-picker', q],
    enabled: q.trim().length >= 2,
    queryFn: () => unwrap(api.GET('/api/v1/enterprises', { params: { query: { q: q.trim(), page: 1, pageSize: 20 } } })),
  });
  const options = (query.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}(${e.creditCode})` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select
      id={props.id}
      showSearch
      value={props.value}
      onChange={props.onChange}
      filterOption={false}
      onSearch={setQ}
      loading={query.isFetching}
      options={options}
      placeholder={props.placeholder ?? '输入企业名称或信用代码(至少 2 个字)'}
      notFoundContent={q.trim().length < 2 ? '请输入至少 2 个字' : '没有匹配的企业'}
      style={{ width: '100%' }}
    />
  );
}
