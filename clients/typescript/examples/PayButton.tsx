// The React recipe (seed 002's "choose your flow": a storefront with no backend of its own). The button makes
// a Payment Link through `/transactions-hook` with the application's key pair (scope the pair to the amounts
// this page sells: seed 002) and sends the customer to Migo's hosted checkout.
import { useState } from "react";

import { middlewareClient } from "../src/index.ts";

type PayButtonProps = {
  migoUrl: string;
  client: string;
  publicKey: string;
  privateKey: string;
  amount: number;
  orderId: string;
};

export function PayButton({ migoUrl, client, publicKey, privateKey, amount, orderId }: PayButtonProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function pay(): Promise<void> {
    setBusy(true);
    const migo = middlewareClient(migoUrl);
    const { data, error } = await migo.POST("/transactions-hook", {
      body: {
        publicKey,
        privateKey,
        amount,
        userId: orderId,
        channel: "web",
        client,
        ads: [],
        externalId: orderId,
        customKeys: { orderId },
      },
    });
    if (data) {
      window.location.assign(data.URL);
      return;
    }
    setProblem(error && "detail" in error ? error.detail : "The payment could not start; try again.");
    setBusy(false);
  }

  return (
    <div>
      <button type="button" disabled={busy} onClick={() => void pay()}>
        {busy ? "Opening the checkout…" : `Pay ${amount}`}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
