import { Cascader } from 'antd';
import { useEffect, useState } from 'react';

import { fetchIndustries } from '../api/reference';

interface Option {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Option[];
  loading?: boolean;
}

/** GB/T 4754 门类 → 大类 → 中类 → 小类, loaded a level at a time; any level may be chosen. */
export function IndustryCascader(props: { id?: string; value?: string[]; onChange?: (value: string[]) => void; placeholder?: string }) {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    fetchIndustries().then((sections) => setOptions(sections.map((s) => ({ value: s.code, label: `${s.code} ${s.name}`, isLeaf: false }))), () => undefined);
  }, []);

  const loadData = async (selected: Option[]) => {
    const target = selected[selected.length - 1];
    const children = await fetchIndustries(target.value);
    target.children = children.map((c) => ({ value: c.code, label: `${c.code} ${c.name}`, isLeaf: c.code.length >= 4 }));
    if (!children.length) target.isLeaf = true;
    setOptions((o) => [...o]);
  };

  return (
    <Cascader
      id={props.id}
      options={options}
      loadData={loadData}
      changeOnSelect
      value={props.value}
      onChange={(v) => props.onChange?.((v ?? []) as string[])}
      placeholder={props.placeholder ?? '国民经济行业分类'}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
