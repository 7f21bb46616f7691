import { Button, Dropdown } from 'antd';

/** Saved views come with the API's saved-views route; until then the menu offers nothing. */
export function SavedViews(_props: { onApply(filters: Record<string, unknown>): void; current(): Record<string, unknown> }) {
  return (
    <Dropdown menu={{ items: [] }} disabled>
      <Button>保存的视图</Button>
    </Dropdown>
  );
}
