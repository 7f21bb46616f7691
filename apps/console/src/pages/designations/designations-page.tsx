import { Card } from 'antd';

export default function Page() {
  return <Card>建设中</Card>;
}
