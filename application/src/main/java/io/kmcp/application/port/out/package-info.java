/** What the use cases need from the outside world, named for the capability: the adapters implement them. */
package io.kmcp.application.port.out;
