/** Test infrastructure of the gateway: real Redis, fake services on real HTTP servers, tokens. */
package vn.motcua.gateway.support;
