// The restore step's entry (restore/action.yml, bundled as dist/restore/index.js).
import { startActionStep } from "./action-step.js";

await startActionStep("restore");
