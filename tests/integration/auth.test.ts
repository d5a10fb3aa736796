import { describe, expect, test } from "vitest";
import { login } from "~/utils/auth.server.ts";
import { createUser } from "../factories/index.ts";

describe("login", () => {
  test("accepts the right password and refuses a wrong one with the same answer as an unknown email", async () => {
    const user = await createUser({ password: "correct horse battery" });
    const ok = await login({ email: user.email, password: "correct horse battery", clientAddress: "10.0.0.1" });
    expect(ok.status).toBe("success");
    const wrong = await login({ email: user.email, password: "nope", clientAddress: "10.0.0.1" });
    const unknown = await login({ email: "nobody@example.test", password: "nope", clientAddress: "10.0.0.1" });
    expect(wrong).toEqual({ status: "invalid" });
    expect(unknown).toEqual(wrong);
  });
});
