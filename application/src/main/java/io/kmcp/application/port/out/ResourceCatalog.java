package io.kmcp.application.port.out;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ApiCatalog;

/**
 * The resource types a cluster serves, from API discovery. Implementations cache per cluster; the
 * catalog they return is unfiltered (the application applies the access policy).
 */
public interface ResourceCatalog {

    /** The cluster's catalog, possibly from a cache. */
    ApiCatalog catalog(Caller caller);

    /**
     * The cluster's catalog fetched anew, unless it was fetched moments ago: called when a name does
     * not resolve, because a CRD may have been installed since the cache was filled.
     */
    ApiCatalog refreshed(Caller caller);
}
