// Seed 001's main client journey through the generated guitar-collection client, against a running
// stack: CAIRN_BASE_URL, and a confirmed user's CAIRN_EMAIL and CAIRN_PASSWORD (see docs/clients.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { CairnApiError, GuitarCollectionClient, isNotModified, type Schemas } from "@cairn/guitar-collection-client";
import { rejectionOf, required } from "./support.mjs";

const rejection = rejectionOf(CairnApiError);
const baseUrl = required("CAIRN_BASE_URL");
const client = new GuitarCollectionClient({ baseUrl });
let strat: Schemas["Guitar"];
let lesPaul: Schemas["Guitar"];

test("signs in with the user's password", async () => {
  const session = await client.login({ email: required("CAIRN_EMAIL"), password: required("CAIRN_PASSWORD") });
  // Tokens, or an MFA challenge for an account with TOTP on: the type says which to expect.
  assert.ok("accessToken" in session, JSON.stringify(session));
  client.setToken(session.accessToken);
});

test("creates guitars", async () => {
  strat = await client.createGuitar({ brand: "Fender", model: "Stratocaster", year: 1965, type: "electric" });
  assert.equal(strat.brand, "Fender");
  assert.equal(strat.version, 1);
  assert.equal(strat.guitarId, strat.id);
  lesPaul = await client.createGuitar({ brand: "Gibson", model: "Les Paul", year: 1959, type: "electric" });
});

test("lists guitars, filtered by brand", async () => {
  // The account may hold other guitars (the demo user's samples): only those of the brand are listed.
  const page = await client.listGuitars({ brand: "Fender", limit: 100 });
  const ids = page.items.map((guitar) => guitar.id);
  assert.ok(ids.includes(strat.id) && !ids.includes(lesPaul.id), JSON.stringify(ids));
  assert.deepEqual(new Set(page.items.map((guitar) => guitar.brand)), new Set(["Fender"]));
  const all = (await client.listGuitars({ limit: 100 })).items.map((guitar) => guitar.id);
  assert.ok(all.includes(strat.id) && all.includes(lesPaul.id), JSON.stringify(all));
});

test("reads a guitar", async () => {
  // Without ifNoneMatch the result is the guitar itself: no NotModified to rule out first.
  const read: Schemas["Guitar"] = await client.getGuitar({ id: strat.id });
  assert.deepEqual(read, strat);
});

test("reads a guitar again with its ETag and is told it has not changed", async () => {
  const etag = `"${strat.version}"`; // a guitar's ETag is its version, quoted
  const again = await client.getGuitar({ id: strat.id, ifNoneMatch: etag });
  assert.ok(isNotModified(again), JSON.stringify(again));
  assert.deepEqual(again, { notModified: true, etag });
  // Another ETag than the current one reads the guitar.
  assert.deepEqual(await client.getGuitar({ id: strat.id, ifNoneMatch: `"${strat.version + 1}"` }), strat);
});

test("changes a guitar with a merge patch", async () => {
  const patched = await client.updateGuitar({ id: strat.id, ifMatch: `"${strat.version}"` }, { finish: "Nitro", type: null });
  assert.equal(patched.finish, "Nitro");
  assert.equal(patched.type ?? null, null);
  assert.equal(patched.model, "Stratocaster");
  assert.equal(patched.version, 2);
  // The ETag of the version read before is stale now: a conditional read answers the changed guitar.
  const changed = await client.getGuitar({ id: strat.id, ifNoneMatch: `"${strat.version}"` });
  assert.ok(!isNotModified(changed), JSON.stringify(changed));
  assert.equal(changed.finish, "Nitro");
  assert.deepEqual(await client.getGuitar({ id: strat.id, ifNoneMatch: `"${patched.version}"` }), {
    notModified: true,
    etag: `"${patched.version}"`,
  });
  strat = patched;
});

test("adds a note, then deletes it", async () => {
  const noted = await client.addGuitarNote({ id: strat.id }, { content: "New strings, 10-46" });
  const note = noted.notes?.[0];
  assert.ok(note, JSON.stringify(noted));
  assert.equal(note.content, "New strings, 10-46");
  const cleared = await client.deleteGuitarNote({ id: strat.id, noteId: note.id });
  assert.deepEqual(cleared.notes ?? [], []);
});

test("deletes a guitar, which is then not found", async () => {
  assert.equal(await client.deleteGuitar({ id: strat.id }), undefined);
  await client.deleteGuitar({ id: lesPaul.id, ifMatch: `"${lesPaul.version}"` });
  const error = await rejection(client.getGuitar({ id: strat.id }));
  assert.equal(error.code, "GUITAR_NOT_FOUND");
  assert.equal(error.status, 404);
  assert.equal(typeof error.requestId, "string");
  assert.ok(error.message.length > 0);
});

test("refuses an invalid guitar field by field", async () => {
  const error = await rejection(client.createGuitar({ brand: "", model: "X", year: 1700 }));
  assert.equal(error.code, "GUITAR_VALIDATION_ERROR");
  assert.equal(error.status, 400);
  const fields = error.details.map((detail) => detail.field);
  assert.ok(fields.includes("brand") && fields.includes("year"), JSON.stringify(error.details));
});

test("refuses a caller without a token", async () => {
  const anonymous = new GuitarCollectionClient({ baseUrl });
  const error = await rejection(anonymous.listGuitars({ limit: 1 }));
  assert.equal(error.status, 401);
  assert.match(error.code, /^AUTH_/);
});
