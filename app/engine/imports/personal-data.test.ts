import { describe, expect, test } from "vitest";
import { maskPersonalData, type MaskedSpan } from "./personal-data.ts";

const mask = (text: string, names: string[] = []) => maskPersonalData(text, { names }).text;

describe("maskPersonalData", () => {
  test("masks emails, phone numbers and card numbers in English", () => {
    expect(mask("Reach me at maria.lopez+orders@mail.example.co.uk or +44 20 7946 0958.")).toBe("Reach me at [email] or [phone].");
    expect(mask("Call (415) 555-0132, 415-555-0132 or +1 (415) 555-0132 after six.")).toBe("Call [phone], [phone] or [phone] after six.");
    expect(mask("Charged to 4111 1111 1111 1111 and 5500-0000-0000-0004.")).toBe("Charged to [card] and [card].");
    // A UK mobile's six-digit last group is masked whole, not up to its last digit.
    expect(mask("Call me on +44 7700 900123 or 07700 900123.")).toBe("Call me on [phone] or [phone].");
    // "Number" alone names a phone as often as an order; only an order word before it makes it an order number.
    expect(mask("My phone number: 415-555-0132. Order number: 415-555-0133.")).toBe(
      "My phone number: [phone]. Order number: 415-555-0133.",
    );
  });

  test("leaves order numbers, dates, times, amounts, versions and short numbers alone", () => {
    const kept = [
      "Order 4820013 and #48200131 are linked to ticket 55512345.",
      "It was due on 2024-05-12 or 12/05/2024 at 10:30.",
      "We refunded $1,299.00 and ¥3000, about 1500 in total.",
      "Version 10.2.1 fixed it; update to v2.3.1 within 3-5 business days.",
      "A 16-digit number that fails the check is not a card: 4111 1111 1111 1112.",
      "订单号 20240512001 已经发货。",
    ];
    for (const text of kept) expect(mask(text)).toBe(text);
  });

  test("masks Chinese and Taiwanese phone numbers", () => {
    expect(mask("我的手机是13800138000，也可以打138-0013-8000。")).toBe("我的手机是[phone]，也可以打[phone]。");
    expect(mask("手機0912-345-678，市話02-2345-6789。")).toBe("手機[phone]，市話[phone]。");
  });

  test("masks street addresses and postcodes, not a city or a road alone", () => {
    expect(mask("Send it to 221B Baker Street, Apt 4, London NW1 6XE.")).toBe("Send it to [address], London [address].");
    expect(mask("It's 12 Maple Ave, San Francisco, CA 94107.")).toBe("It's [address], San Francisco, [address].");
    expect(mask("地址是北京市朝阳区建国路88号。")).toBe("地址是[address]。");
    expect(mask("寄到上海市浦东新区世纪大道1号2单元301室，谢谢。")).toBe("寄到[address]，谢谢。");
    expect(mask("我住台北市信義區松仁路100號5樓。")).toBe("我住[address]。");
    expect(mask("我在上海，离建国路很近。")).toBe("我在上海，离建国路很近。");
  });

  test("masks listed names as whole words, their parts too, and Chinese names anywhere", () => {
    expect(mask("Thanks Maria, Ms Lopez confirmed the Annual plan.", ["Maria Lopez", "Ann"])).toBe(
      "Thanks [name], Ms [name] confirmed the Annual plan.",
    );
    expect(mask("王小明说可以。", ["王小明"])).toBe("[name]说可以。");
    expect(mask("Hi A.", ["A", ""])).toBe("Hi A.");
  });

  test("reports each span once, at its place in the original text, the longest reading winning", () => {
    const text = "Maria (maria@example.com) paid with 4111111111111111.";
    const { spans } = maskPersonalData(text, { names: ["Maria"] });
    expect(spans).toEqual<MaskedSpan[]>([
      { kind: "name", original: "Maria", start: 0, end: 5 },
      { kind: "email", original: "maria@example.com", start: 7, end: 24 },
      { kind: "card", original: "4111111111111111", start: 36, end: 52 },
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.original);
  });
});
