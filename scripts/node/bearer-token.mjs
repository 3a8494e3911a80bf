// Preloaded with `node --import` into an MCP tool that has no option for request headers (the MCP
// conformance suite's server mode): adds `Authorization: Bearer $KMCP_BEARER_TOKEN` to every HTTP
// request the process sends to $KMCP_BEARER_ORIGIN (and to no other origin), unless the request
// already carries an Authorization header. It does so in undici's global dispatcher, which both
// Node's fetch and undici's own request() go through. The undici used is the tool's own, resolved
// from its entry point (process.argv[1]).
import { createRequire } from 'node:module';

const token = process.env.KMCP_BEARER_TOKEN;
const origin = process.env.KMCP_BEARER_ORIGIN;
if (!token || !origin) {
  throw new Error('bearer-token.mjs needs KMCP_BEARER_TOKEN and KMCP_BEARER_ORIGIN');
}
const { Agent, setGlobalDispatcher } = createRequire(process.argv[1])('undici');

function withAuthorization(headers) {
  const value = `Bearer ${token}`;
  if (headers == null) return { authorization: value };
  if (Array.isArray(headers)) {
    if (headers.length > 0 && Array.isArray(headers[0])) {
      return headers.some(([k]) => String(k).toLowerCase() === 'authorization') ? headers : [...headers, ['authorization', value]];
    }
    for (let i = 0; i < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === 'authorization') return headers;
    }
    return [...headers, 'authorization', value];
  }
  if (typeof headers[Symbol.iterator] === 'function' && typeof headers !== 'string') {
    return withAuthorization([...headers]);
  }
  return Object.keys(headers).some((k) => k.toLowerCase() === 'authorization') ? headers : { ...headers, authorization: value };
}

setGlobalDispatcher(new Agent().compose((dispatch) => (options, handler) => {
  const target = options.origin ? new URL(String(options.origin)).origin : undefined;
  return dispatch(target === origin ? { ...options, headers: withAuthorization(options.headers) } : options, handler);
}));
