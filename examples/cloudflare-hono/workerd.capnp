# Serves worker.ts with workerd, Cloudflare's runtime, on 127.0.0.1:8787.
# Bundle it first (from this folder):
#   esbuild worker.ts --bundle --format=esm --platform=neutral --conditions=workerd,worker,browser --outfile=worker.bundle.js
#   workerd serve workerd.capnp   (--socket-addr http=127.0.0.1:PORT picks another port)
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "usage", worker = .usageWorker)],
  sockets = [(name = "http", address = "127.0.0.1:8787", http = (), service = "usage")],
);

const usageWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-01-01",
);
