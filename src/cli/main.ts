import { argv } from "node:process";

/**
 * `dondoc`: serve, migrate, seed, user add, extract… Problems an operator can fix print as one
 * line and exit non-zero; anything else is a bug and keeps its stack trace.
 */

// `dondoc extract` waits mostly for its worker to load the readers: started first, the worker
// does that while this thread loads the CLI (the imports below are dynamic for that reason).
if (argv[2] === "extract") (await import("../ingest/limits.ts")).warmExtraction();

await import("../validation.ts");
const { Command } = await import("commander");
const { StartupError } = await import("../config.ts");
const { registerCommands } = await import("./commands.ts");

const program = new Command("dondoc")
  .description("Đôn Đốc: theo dõi, đôn đốc thực hiện nhiệm vụ")
  .showHelpAfterError();
registerCommands(program);

try {
  await program.parseAsync(argv);
} catch (error) {
  if (error instanceof StartupError) {
    process.stderr.write(`Lỗi: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
