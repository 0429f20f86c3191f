// The save step's entry (save/action.yml, bundled as dist/save/index.js).
import { startActionStep } from "./action-step.js";

await startActionStep("save");
