#!/usr/bin/env node
// The CLI is written in TypeScript and run through tsx, so that `npx dondoc` works straight
// after `npm install` with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
