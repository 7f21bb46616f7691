import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd';

import { useAuth } from '../../api/auth';
import { api, errorText, unwrap } from '../../api/client';
import { clearSession } from '../../api/session';
import { useDictionaries } from '../../api/dictionaries';
import { useDistricts } from '../../api/reference';
import { beijingTime } from '../../components/format';

export default function ProfilePage() {
  const { me } = useAuth();
  const dict = useDictionaries();
  const { districtName } = useDistricts();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  if (!me) return null;

  const change = async (values: { currentPassword: string; newPassword: string }) => {
    try {
      await unwrap(api.POST('/api/v1/auth/password', { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } }));
      // The change ends every earlier token, this one included: back to the login page with a word why.
      clearSession('密码已修改,请用新密码重新登录');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="个人中心">
        <Descriptions column={2}>
          <Descriptions.Item label="用户名">{me.username}</Descriptions.Item>
          <Descriptions.Item label="姓名">{me.displayName}</Descriptions.Item>
          <Descriptions.Item label="角色">{dict.label('Role', me.role, me.roleLabel)}</Descriptions.Item>
          <Descriptions.Item label="上次登录">{beijingTime(me.lastLoginAt)}</Descriptions.Item>
          {me.districtCodes.length > 0 && <Descriptions.Item label="负责区县">{me.districtCodes.map(districtName).join('、')}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="修改密码" style={{ maxWidth: 520 }}>
        <Form form={form} layout="vertical" onFinish={change}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra="至少 10 位,同时包含字母和数字"
            rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '至少 10 位' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            修改密码
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
