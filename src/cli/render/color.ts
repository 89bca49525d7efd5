import pc from 'picocolors';

/** The colour functions of picocolors (identity functions when colour is off). */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours for terminal output: off for NO_COLOR, for non-TTY output and in CI, so logs and
 * snapshots stay plain text.
 */
export function createColors(stream: NodeJS.WriteStream): Colors {
  const enabled = stream.isTTY === true && !process.env['NO_COLOR'] && !process.env['CI'] && process.env['TERM'] !== 'dumb';
  return pc.createColors(enabled);
}
