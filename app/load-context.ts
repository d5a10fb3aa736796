declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce that the Content-Security-Policy of this response allows scripts with. */
    cspNonce: string;
    /** The client's network address, for per-address sign-in throttling. */
    clientAddress: string;
  }

  interface Future {
    v3_singleFetch: true;
  }
}

export {};
