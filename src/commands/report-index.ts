// The report step's entry (report/action.yml, bundled as dist/report/index.js).
import { runReportStep } from "./report-step.js";

await runReportStep();
