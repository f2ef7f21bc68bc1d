// Reads an Arrow IPC file with Arrow JS and prints its schema, metadata and rows as JSON,
// so a Java test can check that another implementation sees what the harness wrote.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

const table = tableFromIPC(readFileSync(process.argv[2]));
const plain = (v) => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (ArrayBuffer.isView(v)) return Array.from(v, plain);
  if (typeof v === 'object' && typeof v.toArray === 'function') return Array.from(v.toArray(), plain);
  return v;
};
const rows = [];
for (let i = 0; i < table.numRows; i++) {
  const row = {};
  for (const field of table.schema.fields) row[field.name] = plain(table.getChild(field.name).get(i));
  rows.push(row);
}
process.stdout.write(JSON.stringify({
  fields: table.schema.fields.map((f) => ({ name: f.name, type: String(f.type), nullable: f.nullable })),
  metadata: Object.fromEntries(table.schema.metadata),
  numRows: table.numRows,
  rows,
}));
