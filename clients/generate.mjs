#!/usr/bin/env node
// Generates one TypeScript client package per blueprint from its OpenAPI document.
//
//   node clients/generate.mjs <openapi-dir> <out-dir>
//
// For each <openapi-dir>/<blueprint>.json it writes <out-dir>/<blueprint>/ (package
// @cairn/<blueprint>-client): src/schema.ts (openapi-typescript's types), src/runtime.ts (a copy of
// clients/runtime/runtime.ts), src/operations.ts (one typed method per operationId), src/index.ts,
// package.json and tsconfig.json; then <out-dir>/tsconfig.json, which builds them all
// (`tsc -b <out-dir>`), and <out-dir>/node_modules/@cairn/<blueprint>-client links, so that code
// under <out-dir> imports a package by its name. See docs/clients.md.
import { copyFile, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const HERE = dirname(fileURLToPath(import.meta.url));
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(["constructor", "call", "setToken", "setApiKey"]);
const VERSION = "0.1.0";

async function main([openapiDir, outDir] = process.argv.slice(2)) {
  if (!openapiDir || !outDir) {
    throw new Error("usage: node clients/generate.mjs <openapi-dir> <out-dir>");
  }
  const documents = (await readdir(openapiDir)).filter((name) => name.endsWith(".json")).sort();
  if (documents.length === 0) {
    throw new Error(`No OpenAPI document in ${openapiDir}: build the app first (./mvnw -pl app -am process-classes)`);
  }
  await mkdir(outDir, { recursive: true });
  const blueprints = [];
  for (const name of documents) {
    const blueprint = basename(name, ".json");
    await generate(blueprint, resolve(openapiDir, name), join(outDir, blueprint));
    blueprints.push(blueprint);
  }
  await writeJson(join(outDir, "tsconfig.json"), {
    files: [],
    references: blueprints.map((blueprint) => ({ path: `./${blueprint}` })),
  });
  const scope = join(outDir, "node_modules", "@cairn");
  await rm(scope, { recursive: true, force: true });
  await mkdir(scope, { recursive: true });
  for (const blueprint of blueprints) {
    await symlink(join("..", "..", blueprint), join(scope, `${blueprint}-client`), "dir");
  }
  console.log(`Generated ${blueprints.length} clients in ${outDir}: ${blueprints.join(", ")}`);
}

async function generate(blueprint, documentPath, packageDir) {
  const document = JSON.parse(await readFile(documentPath, "utf8"));
  const src = join(packageDir, "src");
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(src, { recursive: true });

  const header = `// Generated from ${basename(documentPath)} by clients/generate.mjs: do not edit.\n`;
  const schema = astToString(await openapiTS(pathToFileURL(documentPath), { silent: true, emptyObjectsUnknown: true }));
  await writeFile(join(src, "schema.ts"), header + schema);
  await copyFile(join(HERE, "runtime", "runtime.ts"), join(src, "runtime.ts"));

  const className = `${pascal(blueprint)}Client`;
  await writeFile(join(src, "operations.ts"), header + operationsSource(document, className));
  await writeFile(
    join(src, "index.ts"),
    header +
      `export { ${className} } from "./operations.js";\n` +
      `export { CairnApiError, CairnClient, isNotModified } from "./runtime.js";\n` +
      `export type { ClientOptions, FieldError, NotModified, RequestOptions } from "./runtime.js";\n` +
      `export type { components, operations, paths } from "./schema.js";\n` +
      `import type { components } from "./schema.js";\n\n` +
      `/** The document's schemas by name, e.g. \`Schemas["Guitar"]\`. */\n` +
      `export type Schemas = components["schemas"];\n`,
  );
  await writeJson(join(packageDir, "package.json"), {
    name: `@cairn/${blueprint}-client`,
    version: VERSION,
    description: `A typed client of the ${document.info?.title ?? blueprint} API (${blueprint} blueprint).`,
    license: "UNLICENSED",
    private: true,
    type: "module",
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
    files: ["dist"],
  });
  await writeJson(join(packageDir, "tsconfig.json"), {
    extends: "../../tsconfig.base.json",
    compilerOptions: { composite: true, rootDir: "src", outDir: "dist", lib: ["ES2022", "DOM"], types: [] },
    include: ["src"],
  });
}

function operationsSource(document, className) {
  const apiKeyScheme = Object.values(document.components?.securitySchemes ?? {}).find(
    (scheme) => scheme.type === "apiKey" && scheme.in === "header",
  );
  const schemes = document.components?.securitySchemes ?? {};
  const methods = [];
  const seen = new Set();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) {
        continue;
      }
      const id = operation.operationId;
      if (!id || !IDENTIFIER.test(id) || RESERVED.has(id) || seen.has(id)) {
        throw new Error(`${method.toUpperCase()} ${path}: the operationId ${JSON.stringify(id)} is missing, invalid or repeated`);
      }
      seen.add(id);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(document, p));
      const auth = credentials(schemes, operation.security ?? document.security ?? [], id);
      methods.push(method_(document, path, method, operation, parameters, auth));
    }
  }
  const apiKeyArgument = apiKeyScheme === undefined ? "" : `, ${JSON.stringify(apiKeyScheme.name)}`;
  return `import type { operations } from "./schema.js";
import { CairnClient, type ClientOptions, type NotModified, type RequestOptions } from "./runtime.js";

type Op = operations;

${comment([document.info?.title, document.info?.description && firstParagraph(document.info.description), "Each method calls one operation and resolves to the envelope's `data`; a failed answer rejects with a CairnApiError."], "")}export class ${className} extends CairnClient {
  constructor(options: ClientOptions) {
    super(options${apiKeyArgument});
  }
${methods.join("")}}
`;
}

/** The credentials an operation accepts, from its security requirements: "bearer", "apiKey". */
function credentials(schemes, requirements, id) {
  const accepted = new Set();
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = schemes[name];
      if (scheme?.type === "http" && scheme.scheme?.toLowerCase() === "bearer") {
        accepted.add("bearer");
      } else if (scheme?.type === "apiKey" && scheme.in === "header") {
        accepted.add("apiKey");
      } else {
        throw new Error(`${id}: the security scheme ${name} is neither a bearer token nor an API key header`);
      }
    }
  }
  return [...accepted];
}

function method_(document, path, method, operation, parameters, auth) {
  const id = operation.operationId;
  const pathParams = [];
  const queryParams = [];
  const headerParams = {};
  const fields = [];
  const names = new Set();
  let anyRequired = false;
  for (const parameter of parameters) {
    if (!["path", "query", "header"].includes(parameter.in)) {
      continue;
    }
    const argument = parameter.in === "header" ? camel(parameter.name) : parameter.name;
    if (names.has(argument)) {
      throw new Error(`${id}: two parameters are called ${argument}`);
    }
    names.add(argument);
    const required = parameter.in === "path" || parameter.required === true;
    anyRequired ||= required;
    if (parameter.in === "path") pathParams.push(argument);
    if (parameter.in === "query") queryParams.push(argument);
    if (parameter.in === "header") headerParams[argument] = parameter.name;
    const type = `NonNullable<Op[${q(id)}]["parameters"][${q(parameter.in)}]>[${q(parameter.name)}]`;
    fields.push(
      `${comment([parameter.description], "      ")}      ${IDENTIFIER.test(argument) ? argument : q(argument)}${required ? "" : "?"}: ${type};\n`,
    );
  }

  let contentType;
  let bodyRequired = false;
  if (operation.requestBody !== undefined) {
    const body = deref(document, operation.requestBody);
    const types = Object.keys(body.content ?? {});
    contentType = types.includes("application/merge-patch+json")
      ? "application/merge-patch+json"
      : types.includes("application/json")
        ? "application/json"
        : types.find((type) => type.endsWith("+json"));
    if (contentType === undefined) {
      throw new Error(`${id}: no JSON request body (${types.join(", ")})`);
    }
    bodyRequired = body.required === true;
  }

  const arguments_ = [];
  let argsValue = "undefined";
  if (fields.length > 0) {
    const optional = !anyRequired && contentType === undefined;
    arguments_.push(`params: {\n${fields.join("")}    }${optional ? " = {}" : ""}`);
    argsValue = "params";
  }
  if (contentType !== undefined) {
    arguments_.push(
      `body${bodyRequired ? "" : "?"}: NonNullable<Op[${q(id)}]["requestBody"]>["content"][${q(contentType)}]`,
    );
  }
  arguments_.push("options?: RequestOptions");

  const spec = { method: method.toUpperCase(), path };
  if (pathParams.length > 0) spec.pathParams = pathParams;
  if (queryParams.length > 0) spec.queryParams = queryParams;
  if (Object.keys(headerParams).length > 0) spec.headerParams = headerParams;
  if (contentType !== undefined) spec.contentType = contentType;
  spec.auth = auth;
  const conditional = conditionalRead(operation, headerParams);
  if (conditional !== undefined) spec.conditional = true;

  const doc = comment(
    [
      operation.summary,
      operation.description === operation.summary ? undefined : operation.description,
      `\`${method.toUpperCase()} ${path}\`${auth.length > 0 ? "" : " (no credentials needed)"}${auth.includes("apiKey") ? " (an API key may call it)" : ""}`,
      operation.deprecated ? "@deprecated" : undefined,
    ],
    "  ",
  );
  const result = successType(document, id, operation);
  const call = `this.call(${JSON.stringify(spec)}, ${argsValue}, ${contentType === undefined ? "undefined" : "body"}, options)`;
  if (conditional === undefined) {
    return `
${doc}  ${id}(
    ${arguments_.join(",\n    ")},
  ): Promise<${result}> {
    return ${call};
  }
`;
  }
  // A conditional read: without the If-None-Match argument it resolves to the item; with it, to
  // the item or NotModified (its 304).
  // Overload signatures take no initializer: an optional `params = {}` becomes `params?`.
  const [params, ...rest] = arguments_;
  const overload = params.endsWith(" = {}") ? params.replace(/^params:/, "params?:").slice(0, -" = {}".length) : params;
  const unconditional = [`${overload} & { ${conditional}?: undefined }`, ...rest];
  return `
${doc}  ${id}(
    ${unconditional.join(",\n    ")},
  ): Promise<${result}>;
${comment([`With \`${conditional}\`: resolves to \`NotModified\` (304) when it names the current ETag.`], "  ")}  ${id}(
    ${[overload, ...rest].join(",\n    ")},
  ): Promise<${result} | NotModified>;
  ${id}(
    ${arguments_.join(",\n    ")},
  ): Promise<${result} | NotModified> {
    return ${call};
  }
`;
}

/**
 * The argument that makes the operation a conditional read (`ifNoneMatch`), when it has an
 * If-None-Match header and a 304 answer; else undefined.
 */
function conditionalRead(operation, headerParams) {
  if (operation.responses?.["304"] === undefined) {
    return undefined;
  }
  return Object.entries(headerParams).find(([, header]) => header.toLowerCase() === "if-none-match")?.[0];
}

/** The type the method resolves to: the success envelope's `data`, or void when there is no body. */
function successType(document, id, operation) {
  const code = Object.keys(operation.responses ?? {})
    .filter((status) => /^2\d\d$/.test(status))
    .sort()[0];
  if (code === undefined) {
    return "void";
  }
  const response = deref(document, operation.responses[code]);
  const json = response.content?.["application/json"];
  if (json === undefined) {
    return "void";
  }
  const content = `Op[${q(id)}]["responses"][${code}]["content"]["application/json"]`;
  const schema = json.schema === undefined ? undefined : deref(document, json.schema);
  return schema?.properties?.data !== undefined && schema.properties.success !== undefined
    ? `${content}["data"]`
    : content;
}

function deref(document, value) {
  let current = value;
  while (current && typeof current.$ref === "string") {
    const pointer = current.$ref.replace(/^#\//, "").split("/");
    current = pointer.reduce((node, key) => node?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], document);
    if (current === undefined) {
      throw new Error(`Unresolved reference ${value.$ref}`);
    }
  }
  return current;
}

function comment(lines, indent) {
  const text = lines
    .filter((line) => typeof line === "string" && line.trim().length > 0)
    .flatMap((line, index) => (index === 0 ? [] : [""]).concat(line.trim().split("\n")))
    .map((line) => line.replaceAll("*/", "*\\/"));
  if (text.length === 0) {
    return "";
  }
  if (text.length === 1) {
    return `${indent}/** ${text[0]} */\n`;
  }
  return `${indent}/**\n${text.map((line) => `${indent} *${line ? ` ${line}` : ""}`).join("\n")}\n${indent} */\n`;
}

function firstParagraph(text) {
  return text.split(/\n\s*\n/)[0];
}

function pascal(name) {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join("");
}

function camel(name) {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}

function q(value) {
  return JSON.stringify(value);
}

async function writeJson(file, value) {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
