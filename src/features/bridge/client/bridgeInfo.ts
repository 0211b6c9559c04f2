import { BRIDGE_INFO_FILE, CONTROL_PROTOCOL_VERSION, type BridgeInfo } from '../../../protocols/bridgeControl';

/**
 * What the page's own server says about the bridge beside it (`vite` and `vite preview` run one),
 * or null when it says nothing: a static host, `THEATER_BRIDGE=0`. Read through `fetchAsset`, from
 * the page's own origin, so the page still asks nothing of anyone else unasked.
 */
export async function fetchBridgeInfo(fetchAsset: (url: string) => Promise<Response>): Promise<BridgeInfo | null> {
  try {
    const response = await fetchAsset(`./${BRIDGE_INFO_FILE}`);
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<BridgeInfo>;
    if (body.version !== CONTROL_PROTOCOL_VERSION || typeof body.address !== 'string') return null;
    return { version: body.version, address: body.address, problem: typeof body.problem === 'string' ? body.problem : null };
  } catch {
    return null;
  }
}
