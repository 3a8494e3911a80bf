package io.kmcp.application.port.in;

import io.kmcp.application.Caller;
import io.kmcp.domain.type.ResourceType;
import java.util.List;

/** The types a caller can use on its cluster, restricted ones absent, so an agent never guesses an apiVersion. */
public interface DescribeResourceTypes {

    List<ResourceType> describe(Caller caller, ResourceTypesQuery query);
}
