// Seed 002 from a merchant's backend: make a link, send the customer to it, read it back, refund part of it.
import { middlewareClient } from "../src/index.ts";

export async function sellAndRefund(baseUrl: string, merchantToken: string): Promise<string> {
  const migo = middlewareClient(baseUrl, merchantToken);
  const { data: link, error } = await migo.POST("/transactions", {
    body: { amount: 100, userId: "50224865444", channel: "wa", client: "migoDeveloper", ads: [] },
  });
  if (error || !link) throw new Error(`the link was refused: ${JSON.stringify(error)}`);
  const { data: shown } = await migo.GET("/transactions/{uid}", { params: { path: { uid: link.uid } } });
  if (shown?.status === "approved") {
    await migo.POST("/transactions/{uid}/refund", {
      params: { path: { uid: link.uid }, header: { "Idempotency-Key": `refund-${link.uid}` } },
      body: { amount: 30, reason: "One item back" },
    });
  }
  return link.URL;
}
