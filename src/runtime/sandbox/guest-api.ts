import type { ApiNamespace } from '../../triggers/types.ts';
import { expectArray, expectString } from './op-args.ts';
import type { HostCallInfo, HostOp } from './types.ts';

/**
 * How the handler's `api` object is made inside the guest.
 *
 * The guest builds it once per context per {@link GuestApiSpec.key} from a plain description (no
 * code is compiled per call) and caches it frozen; each method forwards to ONE host op, `api`, as
 * `[namespace, method, args]`, and the host op of the current invocation records the command. So a
 * warm invocation pays nothing to get its `api`, and each invocation still records into its own
 * command list (pass a fresh `ops.api` per invocation). Build the op with {@link createApiOp}.
 *
 * Method results:
 * - `api`: returns the api object itself, for chaining (`api.access.deny(…)` in Auth0);
 * - `void`: returns undefined (the host op's result is ignored);
 * - `value`: returns the host op's result synchronously (e.g. `api.redirect.encodeToken`);
 * - `promise`: calls the host op through the async channel and returns a promise of its result.
 */
export type GuestMethodReturn = 'api' | 'void' | 'value' | 'promise';

export interface GuestApiShape {
  readonly namespaces: readonly {
    readonly name: string;
    readonly methods: readonly { readonly name: string; readonly returns: GuestMethodReturn }[];
  }[];
}

/**
 * What `invoke` needs to give the handler an `api`. `key` identifies the shape (e.g.
 * `post-login@v3#execute`); the shape is sent to the guest only the first time a context sees a key.
 *
 * `factorySource` is the escape hatch for an api that needs guest-side logic: the source of a
 * function expression `(host, shape) => api`, where `host` is `{ call(op, args), callAsync(op, args) }`
 * (JSON in and out). It is compiled once per context and key. It is host code: never put user
 * input in it.
 */
export interface GuestApiSpec {
  readonly key: string;
  readonly shape: GuestApiShape;
  readonly factorySource?: string;
}

/** Derives the guest shape from a trigger definition's api namespaces (src/triggers/types.ts). */
export function toGuestApiShape(namespaces: readonly ApiNamespace[]): GuestApiShape {
  return {
    namespaces: namespaces.map((ns) => ({
      name: ns.name,
      methods: ns.methods.map((m) => ({
        name: m.name,
        returns: m.returns.kind === 'api' ? 'api' : m.returns.kind === 'void' ? 'void' : m.returns.async === true ? 'promise' : 'value',
      })),
    })),
  };
}

/** One api call as the guest sent it, already checked for shape. */
export interface ApiCall {
  readonly namespace: string;
  readonly method: string;
  /** The call's arguments after a JSON round trip (undefined → null in arrays, functions dropped). */
  readonly args: readonly unknown[];
}

/**
 * Builds the `api` host op from a handler: checks the `[namespace, method, args]` envelope, then
 * hands over. The handler validates the arguments themselves (they are untrusted) and throws a
 * TypeError for bad ones; it may return a promise for `promise` methods.
 */
export function createApiOp(handle: (call: ApiCall, info: HostCallInfo) => unknown): HostOp {
  return (args, info) => {
    const [namespace, method, callArgs] = expectArray(args, 3, 'api call');
    return handle(
      {
        namespace: expectString(namespace, 'api namespace'),
        method: expectString(method, 'api method'),
        args: expectArray(callArgs, -1, 'api arguments'),
      },
      info,
    );
  };
}
