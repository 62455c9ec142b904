# `workerd test` config for the runtime smoke test: one worker, the bundle
# of worker.mjs, run through its `test` handler.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "smoke", worker = .smokeWorker)],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2025-01-01",
);
