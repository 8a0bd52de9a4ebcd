import { describe, expect, it } from "vitest";
import { GITHUB_COMMENT_LIMIT, markerFor, parseMarker, syncStickyComments, type CommentsApi, type IssueComment } from "../../src/action/comments.js";

const bot = { login: "github-actions[bot]", type: "Bot" };
const person = { login: "octocat", type: "User" };

/** An in-memory pull request's comments, recording every write. */
function memory(initial: IssueComment[], self?: string): CommentsApi & { comments: IssueComment[]; log: string[] } {
  let next = 100;
  const comments = [...initial];
  const log: string[] = [];
  return {
    comments,
    log,
    list: async () => comments.map((c) => ({ ...c })),
    create: async (body) => {
      const comment = { id: next++, body, user: self === undefined ? bot : { login: self, type: "User" } };
      comments.push(comment);
      log.push(`create ${comment.id}`);
      return comment;
    },
    update: async (id, body) => {
      const comment = comments.find((c) => c.id === id);
      if (comment === undefined) throw new Error("404");
      comment.body = body;
      log.push(`update ${id}`);
    },
    remove: async (id) => {
      comments.splice(
        comments.findIndex((c) => c.id === id),
        1,
      );
      log.push(`delete ${id}`);
    },
    self: async () => self,
  };
}

const key = { kind: "plan" as const, environment: "stage" };
const body = (part: number, text: string): string => `${markerFor(key, part)}\n${text}`;

describe("markers", () => {
  it("name the kind, the pair and the part", () => {
    expect(markerFor(key, 1)).toBe("<!-- dwctl:plan:stage -->");
    expect(markerFor({ kind: "drift", environment: "all" }, 3)).toBe("<!-- dwctl:drift:all:part-3 -->");
    expect(parseMarker("<!-- dwctl:plan:stage:part-2 -->\ntext")).toEqual({ kind: "plan", environment: "stage", part: 2 });
    expect(parseMarker("text\n<!-- dwctl:plan:stage -->")).toBeUndefined();
  });

  it("cannot be closed early by a strange pair name", () => {
    expect(markerFor({ kind: "plan", environment: "a --> <b>" }, 1)).toBe("<!-- dwctl:plan:a_--___b_ -->");
  });
});

describe("syncStickyComments", () => {
  it("creates the comment once, then updates it, and leaves it alone when it reads the same", async () => {
    const api = memory([{ id: 1, body: "hello", user: person }]);
    expect((await syncStickyComments(api, key, [body(1, "v1")])).created).toEqual([100]);
    expect((await syncStickyComments(api, key, [body(1, "v2")])).updated).toEqual([100]);
    expect((await syncStickyComments(api, key, [body(1, "v2")])).unchanged).toEqual([100]);
    expect(api.log).toEqual(["create 100", "update 100"]);
    expect(api.comments.map((c) => c.body)).toEqual(["hello", body(1, "v2")]);
  });

  it("keeps other pairs' and other kinds' comments, even when one name starts like another", async () => {
    const others = [
      { id: 1, body: "<!-- dwctl:plan:stage-eu -->\neu", user: bot },
      { id: 2, body: "<!-- dwctl:drift:stage -->\ndrift", user: bot },
      { id: 3, body: "<!-- dwctl:plan:prod -->\nprod", user: bot },
    ];
    const api = memory(others);
    await syncStickyComments(api, key, [body(1, "stage")]);
    expect(api.log).toEqual(["create 100"]);
  });

  it("splits over several comments, and when the plan shrinks, deletes the parts no longer needed", async () => {
    const api = memory([]);
    await syncStickyComments(api, key, [body(1, "a"), body(2, "b"), body(3, "c")]);
    expect(api.log).toEqual(["create 100", "create 101", "create 102"]);
    const result = await syncStickyComments(api, key, [body(1, "a2")]);
    expect(result).toEqual({ created: [], updated: [100], unchanged: [], deleted: [101, 102] });
    const grown = await syncStickyComments(api, key, [body(1, "a2"), body(2, "b3")]);
    expect(grown).toEqual({ created: [103], updated: [], unchanged: [100], deleted: [] });
  });

  it("after two runs raced and both posted, keeps the oldest and deletes the copy", async () => {
    const api = memory([
      { id: 5, body: body(1, "first"), user: bot },
      { id: 9, body: body(1, "second"), user: bot },
    ]);
    const result = await syncStickyComments(api, key, [body(1, "third")]);
    expect(result).toEqual({ created: [], updated: [5], unchanged: [], deleted: [9] });
  });

  it("never takes a person's comment for its own, even with the marker", async () => {
    const api = memory([{ id: 1, body: body(1, "I wrote this"), user: person }]);
    await syncStickyComments(api, key, [body(1, "plan")]);
    expect(api.log).toEqual(["create 100"]);
    expect(api.comments[0]?.body).toBe(body(1, "I wrote this"));
  });

  it("with a token that can say who it is (a personal token), only that login's comments are its own", async () => {
    const api = memory(
      [
        { id: 1, body: body(1, "someone else's bot"), user: bot },
        { id: 2, body: body(1, "mine"), user: { login: "deploy-user", type: "User" } },
      ],
      "deploy-user",
    );
    await syncStickyComments(api, key, [body(1, "new")]);
    expect(api.log).toEqual(["update 2"]);
  });

  it("refuses a body without its marker, or over GitHub's limit, before it writes anything", async () => {
    const api = memory([]);
    await expect(syncStickyComments(api, key, ["no marker"])).rejects.toThrow(/does not start with its marker/);
    await expect(syncStickyComments(api, key, [body(2, "wrong part")])).rejects.toThrow(/does not start with its marker/);
    await expect(syncStickyComments(api, key, [body(1, "x".repeat(GITHUB_COMMENT_LIMIT))])).rejects.toThrow(/over GitHub's limit/);
    expect(api.log).toEqual([]);
  });

  it("posts nothing when the listing fails: a comment it could not see may exist", async () => {
    const api = memory([]);
    api.list = async () => {
      throw new Error("502");
    };
    await expect(syncStickyComments(api, key, [body(1, "x")])).rejects.toThrow("502");
    expect(api.log).toEqual([]);
  });
});
