import { describe, expect, test } from "vitest";
import { FORM_LIMITS, formLimitProblem } from "./form-limits.ts";

const fields = (...pairs: [string, string][]) => pairs;

describe("formLimitProblem", () => {
  test("an ordinary form fits", () => {
    expect(formLimitProblem(fields(["email", "ana@frontline.test"], ["focus[0]", "empathy"], ["focus[1]", "resolution"]))).toBeNull();
  });

  test("multi-line text with tabs fits", () => {
    expect(formLimitProblem(fields(["notes", "First line\r\n\tsecond line\n"]))).toBeNull();
  });

  test("an array index beyond the field limit is refused, however it is nested", () => {
    expect(formLimitProblem(fields(["x[100000000]", "1"]))).toMatch(/impossible position/);
    expect(formLimitProblem(fields(["choices[2].items[5000].id", "1"]))).toMatch(/impossible position/);
    expect(formLimitProblem(fields([`focus[${"9".repeat(400)}]`, "1"]))).toMatch(/impossible position|overlong/);
  });

  test("the largest allowed index fits", () => {
    expect(formLimitProblem(fields([`choices[${FORM_LIMITS.maxArrayIndex}].mentorId`, "m1"]))).toBeNull();
  });

  test("too many fields are refused", () => {
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i): [string, string] => [`f${i}`, "v"]);
    expect(formLimitProblem(many)).toMatch(/more than 5,000 fields/);
    expect(formLimitProblem(many.slice(1))).toBeNull();
  });

  test("an overlong name or value is refused", () => {
    expect(formLimitProblem(fields(["a".repeat(FORM_LIMITS.maxNameLength + 1), "v"]))).toMatch(/overlong name/);
    expect(formLimitProblem(fields(["notes", "a".repeat(FORM_LIMITS.maxValueLength + 1)]))).toMatch(/longer than 20,000/);
    expect(formLimitProblem(fields(["notes", "a".repeat(FORM_LIMITS.maxValueLength)]))).toBeNull();
  });

  test("NUL and other control characters are refused in values and names", () => {
    expect(formLimitProblem(fields(["notes", "before\u0000after"]))).toMatch(/control characters/);
    expect(formLimitProblem(fields(["notes", "bell\u0007"]))).toMatch(/control characters/);
    expect(formLimitProblem(fields(["na\u0000me", "v"]))).toMatch(/field name/);
  });

  test("a file's size is left to the body limit", () => {
    expect(formLimitProblem([["upload", { size: 10 }]])).toBeNull();
  });
});
