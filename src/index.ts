// The action's entry (action.yml, bundled as dist/index.js): the whole loop in one step.
import { startActionStep } from "./commands/action-step.js";

await startActionStep("all");
