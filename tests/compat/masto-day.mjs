// A day of normal use driven through masto, as a Mastodon app would: favourite, reblog, bookmark, a reply
// thread and its context, edit with history and source, notifications (v1 and grouped v2), search, markers.
// Prints one line per check; exits non-zero on the first failure.
// Usage: FEDI_WEB_URL=http://127.0.0.1:3000 node masto-day.mjs
import { createOAuthAPIClient, createRestAPIClient } from "masto";

const url = process.env.FEDI_WEB_URL;
if (!url) throw new Error("FEDI_WEB_URL is not set");
const oob = "urn:ietf:wg:oauth:2.0:oob";
const scopes = "read write follow push";
const watchdog = setTimeout(() => { console.error("FAIL: timed out"); process.exit(2); }, 50_000);

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
  console.log(`ok - ${what}`);
}

async function eventually(what, probe) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = await probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`check failed: ${what} (waited 10 s)`);
}

const anonymous = createRestAPIClient({ url });
const oauth = createOAuthAPIClient({ url });
const app = await anonymous.v1.apps.create({ clientName: "masto day", redirectUris: oob, scopes });
const appToken = await oauth.token.create({
  grantType: "client_credentials", clientId: app.clientId, clientSecret: app.clientSecret, redirectUri: oob, scope: scopes,
});
const appClient = createRestAPIClient({ url, accessToken: appToken.accessToken });

async function signUp(prefix) {
  const username = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
  const token = await appClient.v1.accounts.create({
    username, email: `${username}@example.com`, password: `pw-${Math.random().toString(36).slice(2)}`, agreement: true, locale: "en",
  });
  const client = createRestAPIClient({ url, accessToken: token.accessToken });
  return { username, client, account: await client.v1.accounts.verifyCredentials() };
}

const alice = await signUp("alice");
const bob = await signUp("bob");
await bob.client.v1.accounts.$select(alice.account.id).follow();

const word = `sunflower${Date.now().toString(36)}`;
const original = await alice.client.v1.statuses.create({ status: `A ${word} in the garden #gardening`, visibility: "public" });
check(original.tags.some((t) => t.name === "gardening"), "a hashtag in the text becomes a tag");

const favourited = await bob.client.v1.statuses.$select(original.id).favourite();
check(favourited.favourited === true && favourited.favouritesCount === 1, "bob favourites: favourited, count 1");
const reblog = await bob.client.v1.statuses.$select(original.id).reblog();
check(reblog.reblog?.id === original.id && reblog.reblog.reblogged === true, "bob reblogs: a status wrapping the original");
const bookmarked = await bob.client.v1.statuses.$select(original.id).bookmark();
check(bookmarked.bookmarked === true, "bob bookmarks it");
const bookmarks = await bob.client.v1.bookmarks.list();
check(bookmarks.some((s) => s.id === original.id), "it is in bob's bookmarks");
const favouritedBy = await alice.client.v1.statuses.$select(original.id).favouritedBy.list();
check(favouritedBy.some((a) => a.id === bob.account.id), "favourited_by lists bob");

const reply = await bob.client.v1.statuses.create({ status: `@${alice.username} lovely!`, inReplyToId: original.id });
const answer = await alice.client.v1.statuses.create({ status: `@${bob.username} thanks`, inReplyToId: reply.id });
const context = await bob.client.v1.statuses.$select(reply.id).context.fetch();
check(context.ancestors.map((s) => s.id).join() === original.id, "context: the original is the ancestor");
check(context.descendants.map((s) => s.id).join() === answer.id, "context: alice's answer is the descendant");

const edited = await alice.client.v1.statuses.$select(original.id).update({ status: `A ${word} in the garden, edited #gardening` });
check(edited.editedAt && edited.content.includes("edited"), "alice edits: edited_at is set");
const history = await alice.client.v1.statuses.$select(original.id).history.list();
check(history.length === 2 && !history[0].content.includes("edited"), "history holds the first and the edited version");
const source = await alice.client.v1.statuses.$select(original.id).source.fetch();
check(source.text.includes("edited #gardening"), "source returns the plain text");

const types = await eventually("alice's notifications show follow, favourite, reblog and mention", async () => {
  const list = await alice.client.v1.notifications.list({ limit: 30 });
  const seen = new Set(list.map((n) => n.type));
  return ["follow", "favourite", "reblog", "mention"].every((t) => seen.has(t)) && seen;
});
check(types.size >= 4, "v1 notifications: follow, favourite, reblog and mention");
const grouped = await alice.client.v2.notifications.list({ limit: 30 });
check(grouped.notificationGroups.length >= 4 && grouped.accounts.some((a) => a.id === bob.account.id),
  "grouped v2 notifications with their sample accounts");
const unread = await alice.client.v1.notifications.unreadCount.fetch();
check(unread.count >= 4, `unread count is ${unread.count}`);

const newest = (await alice.client.v1.notifications.list({ limit: 1 }))[0];
await alice.client.v1.markers.create({ notifications: { lastReadId: newest.id } });
const markers = await alice.client.v1.markers.fetch({ timeline: ["notifications"] });
check(markers.notifications?.lastReadId === newest.id, "the notifications marker is saved");
const afterMarker = await alice.client.v1.notifications.unreadCount.fetch();
check(afterMarker.count === 0, "nothing is unread after the marker");

const found = await eventually("search finds the status by a word", async () => {
  const results = await bob.client.v2.search.list({ q: word, type: "statuses" });
  return results.statuses.some((s) => s.id === original.id) && results;
});
check(found.statuses.length >= 1, "v2 search: statuses by full text");
const people = await bob.client.v2.search.list({ q: alice.username, type: "accounts" });
check(people.accounts.some((a) => a.id === alice.account.id), "v2 search: accounts by username");
const hashtags = await bob.client.v2.search.list({ q: "gardenin", type: "hashtags" });
check(hashtags.hashtags.some((t) => t.name === "gardening"), "v2 search: hashtags by prefix");

await bob.client.v1.statuses.$select(original.id).unfavourite();
const unfavourited = await bob.client.v1.statuses.$select(original.id).fetch();
check(unfavourited.favourited === false && unfavourited.favouritesCount === 0, "unfavourite: count back to 0");

clearTimeout(watchdog);
console.log("masto day of use: all checks passed");
