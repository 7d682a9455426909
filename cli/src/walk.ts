// The walker moved to the engine (the language server's readiness report scans a workspace too).
export { collectFiles, type WalkError, type WalkOptions } from '../../shared-rules/engine/walk';
