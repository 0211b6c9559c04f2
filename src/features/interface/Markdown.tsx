import { marked, type Token, type Tokens } from 'marked';
import { createElement, Fragment, type ReactNode } from 'react';

interface Props {
  source: string;
  /** Added to every heading's level, so `#` inside a section becomes that section's sub-heading. */
  headingOffset: number;
}

/**
 * Markdown built as React elements from marked's tokens, never as HTML: React escapes every text,
 * raw HTML in the source shows as text, and images show their alt text instead of being fetched.
 */
export function Markdown({ source, headingOffset }: Props) {
  return <>{blocks(marked.lexer(source), headingOffset)}</>;
}

function blocks(tokens: readonly Token[], offset: number): ReactNode[] {
  return tokens.map((token, i) => block(token, offset, i));
}

function block(token: Token, offset: number, key: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return createElement(`h${Math.min(6, heading.depth + offset)}`, { key, className: 'md-heading' }, inline(heading.tokens));
    }
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'code': {
      const code = token as Tokens.Code;
      return (
        <pre key={key} className="md-code" data-lang={code.lang || undefined}>
          <code>{code.text}</code>
        </pre>
      );
    }
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{blocks(item.tokens, offset)}</li>);
      return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens, offset)}</blockquote>;
    case 'text': {
      // Text at block level: a tight list item's content.
      const text = token as Tokens.Text;
      return <Fragment key={key}>{text.tokens ? inline(text.tokens) : text.text}</Fragment>;
    }
    case 'hr':
      return <hr key={key} />;
    case 'space':
      return null;
    default:
      return <p key={key}>{token.raw}</p>;
  }
}

function inline(tokens: readonly Token[] = []): ReactNode[] {
  return tokens.map((token, key) => {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        return <Fragment key={key}>{text.tokens ? inline(text.tokens) : text.text}</Fragment>;
      }
      case 'codespan':
        return <code key={key}>{(token as Tokens.Codespan).text}</code>;
      case 'strong':
        return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
      case 'del':
        return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
      case 'br':
        return <br key={key} />;
      case 'link': {
        const link = token as Tokens.Link;
        // Only web links: a `javascript:` or `data:` URL in a doc comment must not become clickable.
        return /^https?:\/\//i.test(link.href) ? (
          <a key={key} href={link.href} target="_blank" rel="noreferrer noopener">
            {inline(link.tokens)}
          </a>
        ) : (
          <Fragment key={key}>{inline(link.tokens)}</Fragment>
        );
      }
      case 'image':
        return <Fragment key={key}>{(token as Tokens.Image).text}</Fragment>;
      default:
        return <Fragment key={key}>{token.raw}</Fragment>;
    }
  });
}
