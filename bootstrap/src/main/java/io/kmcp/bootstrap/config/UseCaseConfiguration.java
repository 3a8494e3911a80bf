package io.kmcp.bootstrap.config;

import io.kmcp.application.port.out.ManifestParser;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.application.service.ApplyResourcesService;
import io.kmcp.application.service.DeferredTypes;
import io.kmcp.application.service.DescribeResourceTypesService;
import io.kmcp.application.service.GetResourceService;
import io.kmcp.application.service.ListResourcesService;
import io.kmcp.application.service.TypeLookup;
import io.kmcp.domain.policy.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core: the access policy and one service per use case, built on the ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    AccessPolicy accessPolicy(KmcpProperties properties) {
        try {
            return properties.restrictedTypes().isEmpty()
                    ? AccessPolicy.builtIn()
                    : AccessPolicy.withExtraRestrictions(properties.restrictedTypes());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("kmcp.restricted-types: " + e.getMessage(), e);
        }
    }

    @Bean
    TypeLookup typeLookup(ResourceCatalog catalog, AccessPolicy policy) {
        return new TypeLookup(catalog, policy);
    }

    @Bean
    ListResourcesService listResources(TypeLookup types, ResourceReader reader) {
        return new ListResourcesService(types, reader);
    }

    @Bean
    GetResourceService getResource(TypeLookup types, ResourceReader reader) {
        return new GetResourceService(types, reader);
    }

    @Bean
    DescribeResourceTypesService describeResourceTypes(TypeLookup types) {
        return new DescribeResourceTypesService(types);
    }

    @Bean
    ApplyResourcesService applyResources(
            ManifestParser parser,
            AccessPolicy policy,
            TypeLookup types,
            ResourceReader reader,
            ResourceWriter writer) {
        return new ApplyResourcesService(parser, policy, types, reader, writer, DeferredTypes.standard());
    }
}
