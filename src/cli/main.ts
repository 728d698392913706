import "../validation.ts";
import { Command } from "commander";
import { StartupError } from "../config.ts";
import { registerCommands } from "./commands.ts";

/**
 * `dondoc`: serve, migrate, seed, user add, extract… Problems an operator can fix print as one
 * line and exit non-zero; anything else is a bug and keeps its stack trace.
 */
const program = new Command("dondoc")
  .description("Đôn Đốc: theo dõi, đôn đốc thực hiện nhiệm vụ")
  .showHelpAfterError();
registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof StartupError) {
    process.stderr.write(`Lỗi: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
