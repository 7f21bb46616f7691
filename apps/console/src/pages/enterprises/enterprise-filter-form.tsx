import { Button, Col, Form, FormInstance, Input, Row, Select, Space } from 'antd';
import { ReactNode } from 'react';

import { useDictionaries } from '../../api/dictionaries';
import { useChains, useDistricts } from '../../api/reference';
import { IndustryCascader } from '../../components/industry-cascader';
import { EnterpriseFilters } from './enterprise-list-query';

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];
const ARCHIVED = [
  { value: 'current', label: '未归档' },
  { value: 'archived', label: '已归档' },
  { value: 'all', label: '全部' },
];

/** The 企业名录's query form: keyword, district, industry, designation type and status, chain, above-scale, archived. */
export function EnterpriseFilterForm(props: { form: FormInstance; onSearch(values: EnterpriseFilters): void }) {
  const dict = useDictionaries();
  const { districts } = useDistricts();
  const chains = useChains();
  const { form, onSearch } = props;
  const item = (name: string, label: string, control: ReactNode) => (
    <Col xs={24} md={12} xl={6}>
      <Form.Item name={name} label={label} style={{ marginBottom: 16 }}>
        {control}
      </Form.Item>
    </Col>
  );

  return (
    <Form form={form} labelCol={{ flex: '84px' }} wrapperCol={{ flex: '1 1 0', style: { minWidth: 0 } }} onFinish={onSearch}>
      <Row gutter={16}>
        {item('q', '关键词', <Input placeholder="企业名称、曾用名或信用代码" allowClear />)}
        {item(
          'districtCode',
          '所属区县',
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="请选择"
            options={districts.filter((d) => !d.retired).map((d) => ({ value: d.code, label: d.name }))}
          />,
        )}
        {item('industry', '所属行业', <IndustryCascader />)}
        {item('designationType', '认定类型', <Select allowClear placeholder="请选择" options={dict.options('DesignationType')} />)}
        {item('designationStatus', '认定状态', <Select allowClear placeholder="请选择" options={dict.options('DesignationStatus')} />)}
        {item('chainId', '产业链', <Select allowClear placeholder="请选择" options={chains.map((c) => ({ value: c.id, label: c.name }))} />)}
        {item('aboveScale', '规上企业', <Select allowClear placeholder="请选择" options={YES_NO} />)}
        {item('archived', '归档', <Select allowClear placeholder="未归档" options={ARCHIVED} />)}
        <Col span={24} style={{ textAlign: 'right' }}>
          <Space>
            <Button
              onClick={() => {
                form.resetFields();
                onSearch({});
              }}
            >
              重置
            </Button>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
