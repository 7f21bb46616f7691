import { CopyOutlined } from '@ant-design/icons';
import { App } from 'antd';

/** Copies through the Clipboard API where the page may use it (HTTPS, localhost), else (or when it refuses) through a selection: intranet hosts are often plain HTTP. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      return await navigator.clipboard.writeText(text);
    } catch {
      // refused (no permission, no focus): the selection below still works
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/** A value with a copy button beside it, in antd Typography's copyable look, without a component per row for the tooltip. */
export function CopyButton({ text }: { text: string }) {
  const { message } = App.useApp();
  return (
    <span>
      {text}
      <button
        type="button"
        className="cr-copy"
        aria-label="复制"
        title="复制"
        onClick={() =>
          copyText(text).then(
            () => message.success(`已复制 ${text}`),
            () => message.error('复制失败,请手动选择复制'),
          )
        }
      >
        <CopyOutlined />
      </button>
    </span>
  );
}
