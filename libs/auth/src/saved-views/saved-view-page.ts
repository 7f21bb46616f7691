/** Console pages whose filters and columns can be saved as views. */
export enum SavedViewPage {
  ENTERPRISES = 'enterprises',
  DESIGNATIONS = 'designations',
}

export const SAVED_VIEW_PAGE_LABELS: Record<SavedViewPage, string> = {
  enterprises: '企业名录',
  designations: '认定管理',
};

/** Largest `state` accepted, as UTF-8 JSON */
export const SAVED_VIEW_STATE_MAX_BYTES = 16 * 1024;
