// A small RFC 4180 reader: enough to show a file's header and the API's rejects in the browser (the API parses
// the files it imports itself, with csv-parse).

/** Rows of a CSV text (quoted fields, doubled quotes, CRLF or LF); at most `limit` rows. A byte-order mark is dropped. */
export const parseCsv = (text: string, limit = Infinity): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (; i < text.length && rows.length < limit; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (rows.length < limit && (field !== '' || row.length > 0)) endRow();
  return rows;
};

/** The header row's column names (trimmed, empty ones dropped). */
export const csvColumns = (text: string): string[] => (parseCsv(text, 1)[0] ?? []).map((c) => c.trim()).filter((c) => c !== '');
