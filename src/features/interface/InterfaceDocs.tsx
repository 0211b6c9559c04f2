import websocketServerWit from '../../../wit/websocket-server.wit?raw';
import { Markdown } from './Markdown';
import { readWitDocs, type WitDocItem } from './witDocs';

const DOCS = readWitDocs(websocketServerWit);

/** `theater:simple/websocket-server` in its own words: the doc comments of the WIT, rendered. */
export function InterfaceDocs() {
  return (
    <article className="docs" aria-label="websocket-server documentation">
      <Markdown source={DOCS.intro} headingOffset={2} />
      {DOCS.items.map((item) => (
        <DocItem key={`${item.kind} ${item.name}`} item={item} />
      ))}
    </article>
  );
}

function DocItem({ item }: { item: WitDocItem }) {
  return (
    <section className="docs__item" aria-label={`${item.kind} ${item.name}`}>
      <h4 className="docs__name">
        <span className="docs__kind">{item.kind}</span> <code>{item.name}</code>
      </h4>
      {item.kind === 'func' && <pre className="md-code docs__declaration">{item.declaration}</pre>}
      {item.members.length > 0 && (
        <dl className="docs__members">
          {item.members.map((member) => (
            <div key={member.name} className="docs__member">
              <dt>
                <code>{member.name}</code>
                {member.type && <code className="docs__type">{item.kind === 'record' ? `: ${member.type}` : `(${member.type})`}</code>}
              </dt>
              <dd>{member.docs}</dd>
            </div>
          ))}
        </dl>
      )}
      <Markdown source={item.docs} headingOffset={3} />
    </section>
  );
}
