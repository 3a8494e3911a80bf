// Preloaded with `node --import` into an MCP tool that has no option for request headers (the MCP
// conformance suite's server mode): adds `Authorization: Bearer $KMCP_BEARER_TOKEN` to every HTTP
// request the process sends to $KMCP_BEARER_ORIGIN (and to no other origin), unless the request
// already carries an Authorization header. It does so in undici's global dispatcher, which both
// Node's fetch and undici's own request() go through, and in node:http's request() and get(), which
// some scenarios use to send headers fetch would normalise (conformance 0.2's SEP-2243 header
// checks). The undici used is the tool's own, resolved from its entry point (process.argv[1]).
import http from 'node:http';
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

// node:http takes (url[, options][, callback]) or (options[, callback]); options may name the target by
// host or hostname, and leave out protocol and port.
function originOf(url, options) {
  if (url != null) return new URL(String(url)).origin;
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  return new URL(`${options.protocol ?? 'http:'}//${host.includes(':') ? `[${host}]` : host}${port}`).origin;
}

const originalRequest = http.request;
http.request = function request(...args) {
  const url = typeof args[0] === 'string' || args[0] instanceof URL ? args.shift() : undefined;
  const options = args[0] != null && typeof args[0] === 'object' ? args.shift() : {};
  if (originOf(url, options) === origin) {
    const withToken = { ...options, headers: withAuthorization(options.headers) };
    return url === undefined ? originalRequest(withToken, ...args) : originalRequest(url, withToken, ...args);
  }
  return url === undefined ? originalRequest(options, ...args) : originalRequest(url, options, ...args);
};
http.get = function get(...args) {
  const request = http.request(...args);
  request.end();
  return request;
};
