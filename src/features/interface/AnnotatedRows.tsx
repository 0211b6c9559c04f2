import type { AnnotatedField } from './annotateCall';

interface Props {
  title: string;
  fields: readonly AnnotatedField[];
  /** Said instead of the rows when there are none. */
  empty?: string;
}

/** One side of an annotated call (its arguments or its result) as table rows. */
export function AnnotatedRows({ title, fields, empty }: Props) {
  return (
    <tbody>
      <tr className="annotated__group">
        <th scope="rowgroup" colSpan={2}>
          {title}
        </th>
      </tr>
      {fields.length === 0 && empty && (
        <tr>
          <td colSpan={2} className="annotated__none">
            {empty}
          </td>
        </tr>
      )}
      {fields.map((field) => (
        <tr key={field.path}>
          {/* Written as a WIT field is declared: `params.0.text: option<string>`. */}
          <th scope="row" className="annotated__field">
            <span className="annotated__path">{field.path}</span>
            <span className="annotated__type">: {field.type}</span>
          </th>
          <td className="annotated__value">
            <span className="annotated__wave">{field.value}</span>
            {field.preview && <span className="annotated__preview">{field.preview}</span>}
            {field.note && <span className="annotated__note">{field.note}</span>}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
