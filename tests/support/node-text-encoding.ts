// jsdom has no TextEncoder/TextDecoder, which the database driver needs as soon as it is loaded: a unit
// test of a server component whose lib module also holds database code imports this first.
import { TextDecoder, TextEncoder } from "node:util";

Object.assign(globalThis, { TextEncoder, TextDecoder });
