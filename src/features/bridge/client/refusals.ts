import { CONTROL_PROTOCOL_VERSION, type ProbeResponse } from '../../../protocols/bridgeControl';

/**
 * Why the page is not attached, each with what to do about it. A browser sees every refusal the
 * same way (a failed fetch, a WebSocket closed with 1006), so the page asks the bridge's
 * `/probe`, which any origin may read, and names the cause from its answer.
 */
export const REFUSALS = ['no-server', 'not-a-bridge', 'version', 'origin', 'token', 'page-attached', 'refused'] as const;
export type Refusal = (typeof REFUSALS)[number];

/**
 * The cause a probe shows, or null when it shows none: the origin is allowed, the token (when one
 * was checked) is current and no other page holds the bridge. `probe` is null when nothing
 * answered at all, a number when something answered with that HTTP status but not as a bridge.
 */
export function refusalOf(probe: ProbeResponse | number | null): Refusal | null {
  if (probe === null) return 'no-server';
  if (typeof probe === 'number') return 'not-a-bridge';
  if (probe.version !== CONTROL_PROTOCOL_VERSION) return 'version';
  if (!probe.originAllowed) return 'origin';
  if (probe.token === 'mismatch') return 'token';
  if (probe.pageAttached === true) return 'page-attached';
  return null;
}

/** What the page says for `refusal` of the bridge at `host`, to a page served from `pageOrigin`. */
export function refusalMessage(refusal: Refusal, host: string, pageOrigin: string, probe: ProbeResponse | number | null): string {
  switch (refusal) {
    case 'no-server':
      return `No bridge answers at ${host}: nothing is listening there. Start one with \`npm run bridge\` (\`npm run dev\` and \`npm run preview\` start one beside the page), or check the address.`;
    case 'not-a-bridge':
      return `Something at ${host} answered (HTTP ${String(probe)}), but not as a Theater Playground bridge of this version: check the address, or run the bridge from this checkout.`;
    case 'version':
      return `The bridge at ${host} speaks control protocol ${(probe as ProbeResponse).version}; this page speaks ${CONTROL_PROTOCOL_VERSION}. Run the bridge from the same checkout as the page.`;
    case 'origin':
      return (
        `The bridge at ${host} does not allow pages from ${pageOrigin}. Allow this page: start the bridge with ` +
        `\`npm run bridge -- --origin ${pageOrigin}\` or \`THEATER_BRIDGE_ORIGINS=${pageOrigin} npm run bridge\` ` +
        '(the bridge `npm run dev` or `npm run preview` starts allows the page it serves).'
      );
    case 'token':
      return `The bridge at ${host} refused this page's token: the bridge restarted after the page fetched it. Press Start bridge again to fetch the new one.`;
    case 'page-attached':
      return `The bridge at ${host} refused this page: another playground page is attached to it. Close that page (or its bridge) and try again.`;
    case 'refused':
      return `The bridge at ${host} refused the control connection and did not say why: press Start bridge to try again, and see the bridge's own log (\`npm run bridge -- --verbose\`).`;
    default: {
      const exhaustive: never = refusal;
      return exhaustive;
    }
  }
}
