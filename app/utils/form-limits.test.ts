import { describe, expect, test } from "vitest";
import { inEnglish } from "../../tests/support/english.ts";
import { FORM_LIMITS, formLimitProblem } from "./form-limits.ts";

const fields = (...pairs: [string, string][]) => pairs;
/** The problem as the error page words it in English. */
const problem = (entries: Parameters<typeof formLimitProblem>[0]) => inEnglish(formLimitProblem(entries));

describe("formLimitProblem", () => {
  test("an ordinary form fits", () => {
    expect(problem(fields(["email", "ana@frontline.test"], ["focus[0]", "empathy"], ["focus[1]", "resolution"]))).toBeNull();
  });

  test("multi-line text with tabs fits", () => {
    expect(problem(fields(["notes", "First line\r\n\tsecond line\n"]))).toBeNull();
  });

  test("an array index beyond the field limit is refused, however it is nested", () => {
    expect(problem(fields(["x[100000000]", "1"]))).toMatch(/impossible position/);
    expect(problem(fields(["choices[2].items[5000].id", "1"]))).toMatch(/impossible position/);
    expect(problem(fields([`focus[${"9".repeat(400)}]`, "1"]))).toMatch(/impossible position|overlong/);
  });

  test("the largest allowed index fits", () => {
    expect(problem(fields([`choices[${FORM_LIMITS.maxArrayIndex}].mentorId`, "m1"]))).toBeNull();
  });

  test("too many fields are refused", () => {
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, (_, i): [string, string] => [`f${i}`, "v"]);
    expect(problem(many)).toMatch(/more than 5,000 fields/);
    expect(problem(many.slice(1))).toBeNull();
  });

  test("an overlong name or value is refused", () => {
    expect(problem(fields(["a".repeat(FORM_LIMITS.maxNameLength + 1), "v"]))).toMatch(/overlong name/);
    expect(problem(fields(["notes", "a".repeat(FORM_LIMITS.maxValueLength + 1)]))).toMatch(/longer than 20,000/);
    expect(problem(fields(["notes", "a".repeat(FORM_LIMITS.maxValueLength)]))).toBeNull();
  });

  test("NUL and other control characters are refused in values and names", () => {
    expect(problem(fields(["notes", "before\u0000after"]))).toMatch(/control characters/);
    expect(problem(fields(["notes", "bell\u0007"]))).toMatch(/control characters/);
    expect(problem(fields(["na\u0000me", "v"]))).toMatch(/field name/);
  });

  test("a file's size is left to the body limit", () => {
    expect(problem([["upload", { size: 10 }]])).toBeNull();
  });
});
