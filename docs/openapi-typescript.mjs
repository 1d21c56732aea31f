// TypeScript types of the plan-assistant API, with uploads typed as Blob (a File is a Blob).
//
// openapi-typescript's command line types every `format: binary` part as `string`; its
// documented Node API `transform` is the way to type them as binary. Usage:
//   npm install --save-dev openapi-typescript@7 typescript
//   node openapi-typescript.mjs http://127.0.0.1:8000/openapi.json src/plan-assistant.ts
import fs from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error("usage: node openapi-typescript.mjs <schema URL or file> <output.ts>");
  process.exit(2);
}
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));
const input = /^https?:/.test(source) ? new URL(source) : fs.readFileSync(source, "utf8");
const ast = await openapiTS(input, {
  transform(schemaObject) {
    if (schemaObject.format === "binary") {
      return BLOB;
    }
  },
});
fs.writeFileSync(target, astToString(ast));
