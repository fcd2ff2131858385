/**
 * Prints the generated configuration reference (the content of docs/CONFIGURATION.md).
 * Run: `tsx config/print-reference.ts > docs/CONFIGURATION.md`.
 */
import { configReference } from './config-reference.ts';

process.stdout.write(configReference());
