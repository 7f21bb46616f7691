import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Tooltip } from 'antd';

import { useColumnSettings } from './column-settings-state';

/** 列设置: a checkbox per column and a reset. */
export function ColumnSettings(props: { columns: { key: string; title: string }[]; settings: ReturnType<typeof useColumnSettings> }) {
  const { columns, settings } = props;
  const content = (
    <div style={{ minWidth: 160 }}>
      <Checkbox.Group
        value={columns.filter((c) => settings.shown(c.key)).map((c) => c.key)}
        onChange={(keys) => settings.setShown(Object.fromEntries(columns.map((c) => [c.key, { show: keys.includes(c.key) }])))}
      >
        <Space direction="vertical" size={4}>
          {columns.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {c.title}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <div style={{ marginTop: 8, textAlign: 'right' }}>
        <Button size="small" type="link" onClick={() => settings.setShown({})}>
          重置
        </Button>
      </div>
    </div>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="列展示" content={content}>
      <Tooltip title="列设置">
        <Button type="text" icon={<SettingOutlined />} aria-label="列设置" />
      </Tooltip>
    </Popover>
  );
}
