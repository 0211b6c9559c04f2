import { httpServersOf, type HttpServer } from '../../core';
import { usePlayground } from '../../store';
import './imports.css';

/**
 * What an http-framework actor set up through `theater:simple/http-framework`: each server, the
 * WebSocket paths clients can open (with the handlers Theater calls for them) and the HTTP routes.
 * Rebuilt from the history (the calls are recorded host calls), so it follows time travel and
 * imports. HTTP requests are listed, not simulated: the playground has no HTTP client side.
 */
export function HttpServersSection() {
  const events = usePlayground((s) => s.events);
  // The servers object changes in place as the history grows: the count makes this re-render then.
  usePlayground((s) => s.eventCount);
  const servers = [...httpServersOf(events).servers.values()];
  return (
    <section aria-labelledby="http-servers-heading">
      <h3 id="http-servers-heading">Servers</h3>
      {servers.length === 0 ? (
        <p className="world__empty">none: the actor has created no server (http-framework.create-server), so no client can connect.</p>
      ) : (
        <ul className="world" aria-label="Servers">
          {servers.map((server) => (
            <ServerItem key={server.id} server={server} />
          ))}
        </ul>
      )}
      <p className="world__empty">Sending HTTP requests to its routes is not simulated: only WebSocket clients are.</p>
    </section>
  );
}

function ServerItem({ server }: { server: HttpServer }) {
  return (
    <li className="world__item imports__item">
      <div className="imports__head">
        <code>
          server {server.id}: {server.host}:{server.port}
        </code>
        <span className="tag">{server.running ? 'running' : 'not started'}</span>
      </div>
      <ul className="imports__functions" aria-label={`WebSocket paths of server ${server.id}`}>
        {server.websockets.length === 0 && <li className="imports__detail">no WebSocket path</li>}
        {server.websockets.map((ws) => (
          <li key={ws.path} className="imports__function">
            WebSocket <code>{ws.path}</code>{' '}
            <span className="imports__detail">
              handlers: connect {ws.connect ?? 'none'}, message {ws.message}, disconnect {ws.disconnect ?? 'none'}
            </span>
          </li>
        ))}
      </ul>
      <ul className="imports__functions" aria-label={`HTTP routes of server ${server.id}`}>
        {server.routes.length === 0 && <li className="imports__detail">no HTTP route</li>}
        {server.routes.map((route) => (
          <li key={route.id} className="imports__function">
            <code>
              {route.method} {route.path}
            </code>{' '}
            <span className="imports__detail">handler {route.handler}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}
