// Seed 004's main client journey through the generated personal-site client, against a running
// stack: CAIRN_BASE_URL, and a confirmed user's CAIRN_EMAIL and CAIRN_PASSWORD (see docs/clients.md).
import assert from "node:assert/strict";
import { test } from "node:test";
import { CairnApiError, PersonalSiteClient, type Schemas } from "@cairn/personal-site-client";
import { rejectionOf, required } from "./support.mjs";

const rejection = rejectionOf(CairnApiError);
const baseUrl = required("CAIRN_BASE_URL");
const client = new PersonalSiteClient({ baseUrl });
let pinned: Schemas["Note"];
let draft: Schemas["Note"];
let bookmark: Schemas["Bookmark"];

test("signs in with the user's password", async () => {
  const session = await client.login({ email: required("CAIRN_EMAIL"), password: required("CAIRN_PASSWORD") });
  // Tokens, or an MFA challenge for an account with TOTP on: the type says which to expect.
  assert.ok("accessToken" in session, JSON.stringify(session));
  client.setToken(session.accessToken);
});

test("writes notes; pinned ones come first and tags filter", async () => {
  pinned = await client.createNote({ title: "Reading list", content: "# Books", tags: ["books"], pinned: true });
  draft = await client.createNote({ title: "Draft", tags: ["java"] });
  assert.equal(pinned.pinned, true);

  // The account may hold other notes (the demo user's samples): pinned ones first, newest first.
  const all = (await client.listNotes({ limit: 100 })).items;
  assert.equal(all[0]?.id, pinned.id);
  assert.equal(
    all.findIndex((note) => note.pinned !== true),
    all.findIndex((note) => note.id === draft.id),
  );
  const java = (await client.listNotes({ tag: "java", limit: 100 })).items;
  assert.ok(java.some((note) => note.id === draft.id));
  assert.ok(java.every((note) => note.tags?.includes("java")), JSON.stringify(java));
});

test("changes a note with a merge patch, then deletes it", async () => {
  const patched = await client.updateNote({ id: draft.id }, { title: "Published", tags: null });
  assert.equal(patched.title, "Published");
  assert.equal(patched.tags ?? null, null);
  assert.equal(patched.version, draft.version + 1);
  assert.equal(await client.deleteNote({ id: draft.id, ifMatch: `"${patched.version}"` }), undefined);
  assert.equal((await rejection(client.getNote({ id: draft.id }))).code, "NOTE_NOT_FOUND");
});

test("keeps a bookmark: created, found by tag, replaced, deleted", async () => {
  bookmark = await client.createBookmark({ url: "https://docs.aws.amazon.com/", title: "AWS docs", tags: ["aws"] });
  const tagged = (await client.listBookmarks({ tag: "aws", limit: 100 })).items;
  assert.ok(tagged.some((item) => item.id === bookmark.id));
  assert.ok(tagged.every((item) => item.tags?.includes("aws")), JSON.stringify(tagged));
  const replaced = await client.replaceBookmark(
    { id: bookmark.id, ifMatch: `"${bookmark.version}"` },
    { url: bookmark.url, title: "AWS documentation" },
  );
  assert.equal(replaced.title, "AWS documentation");
  assert.deepEqual(await client.getBookmark({ id: bookmark.id }), replaced);
  await client.deleteBookmark({ id: bookmark.id });
  assert.equal((await rejection(client.getBookmark({ id: bookmark.id }))).code, "BOOKMARK_NOT_FOUND");
});

test("refuses invalid items field by field", async () => {
  const note = await rejection(client.createNote({ title: "", tags: ["<b>"] }));
  assert.equal(note.code, "NOTE_VALIDATION_ERROR");
  assert.equal(note.status, 400);
  assert.ok(note.details.some((detail) => detail.field === "title"), JSON.stringify(note.details));
  const link = await rejection(client.createBookmark({ url: "javascript:alert(1)", title: "Bad" }));
  assert.equal(link.code, "BOOKMARK_VALIDATION_ERROR");
  assert.ok(link.details.some((detail) => detail.field === "url"), JSON.stringify(link.details));
});

test("reads with a read-only API key, which may not write", async () => {
  const created = await client.createApiKey({ name: "feed", scope: "read" });
  assert.equal(typeof created.key, "string");
  const reader = new PersonalSiteClient({ baseUrl, apiKey: created.key as string });
  const notes = await reader.listNotes({ pinned: true });
  assert.equal(notes.items[0]?.id, pinned.id);
  const refused = await rejection(reader.createNote({ title: "Nope" }));
  assert.equal(refused.code, "AUTH_FORBIDDEN");
  assert.equal(refused.status, 403);

  await client.deleteApiKey({ id: created.id });
  assert.equal((await rejection(reader.listNotes())).status, 401);
  await client.deleteNote({ id: pinned.id });
});
