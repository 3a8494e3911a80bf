package io.kmcp.bootstrap.config;

import io.kmcp.application.port.in.DiagnoseWorkload;
import io.kmcp.application.port.out.AccessReviews;
import io.kmcp.application.port.out.ManifestParser;
import io.kmcp.application.port.out.PodLogReader;
import io.kmcp.application.port.out.RedactionObserver;
import io.kmcp.application.port.out.ResourceCatalog;
import io.kmcp.application.port.out.ResourceReader;
import io.kmcp.application.port.out.ResourceWriter;
import io.kmcp.application.service.ApplyResourcesService;
import io.kmcp.application.service.AwaitReadinessService;
import io.kmcp.application.service.CompleteNamesService;
import io.kmcp.application.service.DeferredTypes;
import io.kmcp.application.service.DescribeResourceTypesService;
import io.kmcp.application.service.DiagnoseWorkloadService;
import io.kmcp.application.service.GetResourceService;
import io.kmcp.application.service.ListEventsService;
import io.kmcp.application.service.ListResourcesService;
import io.kmcp.application.service.ReadPodLogsService;
import io.kmcp.application.service.RedactingPodLogReader;
import io.kmcp.application.service.RedactingResourceReader;
import io.kmcp.application.service.ReviewAccessService;
import io.kmcp.application.service.SummarizeClusterService;
import io.kmcp.application.service.SummarizeNamespaceService;
import io.kmcp.application.service.TypeLookup;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.redaction.RedactionMode;
import io.kmcp.domain.redaction.Redactor;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The core: the access policy and one service per use case, built on the ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    /** Concurrent reads of one diagnosis or overview, shared by all callers. */
    static final int READ_THREADS = 16;

    /** Reads waiting for a thread; beyond that the request's own thread does the read. */
    static final int READ_QUEUE = 1024;

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

    /** The redaction rules of {@code kmcp.redact}; a bad mode or pattern stops start-up saying which. */
    @Bean
    Redactor redactor(KmcpProperties properties) {
        KmcpProperties.Redact redact = properties.redact();
        try {
            return Redactor.configured(
                    RedactionMode.parse(redact.mode()), redact.namePatterns(), redact.valuePatterns());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("kmcp.redact: " + e.getMessage(), e);
        }
    }

    /**
     * The reader every use case gets unless it asks for another by name: what no use case can forget is
     * what none has to remember. Only applying reads the cluster as it is (see {@link
     * RedactingResourceReader}).
     */
    @Bean
    @Primary
    RedactingResourceReader redactingResourceReader(
            @Qualifier("resourceReader") ResourceReader reader, Redactor redactor, RedactionObserver observer) {
        return new RedactingResourceReader(reader, redactor, observer);
    }

    @Bean
    @Primary
    RedactingPodLogReader redactingPodLogReader(
            @Qualifier("podLogReader") PodLogReader logs, Redactor redactor, RedactionObserver observer) {
        return new RedactingPodLogReader(logs, redactor, observer);
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
            @Qualifier("resourceReader") ResourceReader reader,
            ResourceWriter writer) {
        return new ApplyResourcesService(parser, policy, types, reader, writer, DeferredTypes.standard());
    }

    /**
     * The threads that send the concurrent reads of a diagnosis or an overview: bounded, daemon,
     * named {@code k-mcp-reads-N}, idle ones let go, stopped when the context closes. When all are busy
     * and the queue is full, the calling request thread reads itself rather than failing.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService clusterReadExecutor() {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "k-mcp-reads-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                READ_THREADS,
                READ_THREADS,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(READ_QUEUE),
                factory,
                new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Sleeps between its looks at the cluster on the request's virtual thread, which holds no platform thread. */
    @Bean
    AwaitReadinessService awaitReadiness(TypeLookup types, ResourceReader reader, DiagnoseWorkload diagnose) {
        return new AwaitReadinessService(types, reader, diagnose, Clock.systemUTC());
    }

    @Bean
    DiagnoseWorkloadService diagnoseWorkload(
            TypeLookup types,
            ResourceReader reader,
            PodLogReader logs,
            @Qualifier("clusterReadExecutor") ExecutorService executor) {
        return new DiagnoseWorkloadService(types, reader, logs, executor, Clock.systemUTC());
    }

    @Bean
    SummarizeNamespaceService summarizeNamespace(
            TypeLookup types, ResourceReader reader, @Qualifier("clusterReadExecutor") ExecutorService executor) {
        return new SummarizeNamespaceService(types, reader, executor, Clock.systemUTC());
    }

    @Bean
    SummarizeClusterService summarizeCluster(
            TypeLookup types, ResourceReader reader, @Qualifier("clusterReadExecutor") ExecutorService executor) {
        return new SummarizeClusterService(types, reader, executor, Clock.systemUTC());
    }

    @Bean
    ListEventsService listEvents(TypeLookup types, ResourceReader reader) {
        return new ListEventsService(types, reader, Clock.systemUTC());
    }

    @Bean
    ReviewAccessService reviewAccess(AccessReviews reviews, TypeLookup types, AccessPolicy policy) {
        return new ReviewAccessService(reviews, types, policy);
    }

    @Bean
    CompleteNamesService completeNames(TypeLookup types, ResourceReader reader) {
        return new CompleteNamesService(types, reader);
    }

    @Bean
    ReadPodLogsService readPodLogs(TypeLookup types, ResourceReader reader, PodLogReader logs) {
        return new ReadPodLogsService(types, reader, logs);
    }
}
