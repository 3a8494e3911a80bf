package io.kmcp.application.service;

import static io.kmcp.application.service.TestTypes.CALLER;
import static io.kmcp.application.service.WorkloadFixture.EVENTS;
import static io.kmcp.application.service.WorkloadFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.port.in.EventList;
import io.kmcp.application.port.in.EventsQuery;
import io.kmcp.domain.diagnosis.EventGroup;
import io.kmcp.domain.policy.AccessPolicy;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.SinceSeconds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListEventsServiceTest {

    private final FakeCluster cluster = new FakeCluster(WorkloadFixture.CATALOG);
    private final ListEventsService service = new ListEventsService(
            new TypeLookup(cluster, AccessPolicy.builtIn()),
            cluster,
            Clock.fixed(Instant.parse("2026-11-23T10:06:00Z"), ZoneOffset.UTC));

    private static EventsQuery query(
            Optional<String> involved, Optional<String> type, Optional<Integer> since, Optional<Integer> limit) {
        return new EventsQuery(Optional.of("shop"), involved, type, since, limit);
    }

    @Test
    @DisplayName("The object and the type travel as field selectors; Kind/name names both")
    void fieldSelectors() {
        service.list(
                CALLER, query(Optional.of("pod/web-1"), Optional.of("warning"), Optional.empty(), Optional.empty()));

        assertThat(cluster.listRequests).singleElement().satisfies(request -> {
            assertThat(request.fieldSelector())
                    .contains(new FieldSelector("involvedObject.kind=Pod,involvedObject.name=web-1,type=Warning"));
            assertThat(request.namespace()).contains(new NamespaceName("shop"));
            assertThat(request.limit()).isEqualTo(new PageLimit(ListEventsService.MAX_READ));
        });
    }

    @Test
    @DisplayName("Events are grouped and cut at the limit, with the number left out")
    void groupedAndLimited() {
        cluster.with(EVENTS, "shop", "a", event("shop", "Pod", "web-1", "Warning", "BackOff", "Back-off", 4))
                .with(EVENTS, "shop", "b", event("shop", "Pod", "web-2", "Warning", "BackOff", "Back-off", 2))
                .with(EVENTS, "shop", "c", event("shop", "Pod", "web-1", "Normal", "Pulled", "Pulled image", 1));

        EventList list =
                service.list(CALLER, query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(2)));

        assertThat(list.events()).isEqualTo(3);
        assertThat(list.groups()).extracting(EventGroup::type).containsExactly("Warning", "Warning");
        assertThat(list.omittedGroups()).isEqualTo(1);
        assertThat(list.truncatedAtServer()).isFalse();
    }

    @Test
    @DisplayName("sinceSeconds keeps the events seen in that window")
    void since() {
        Map<String, Object> old = event("shop", "Pod", "web-1", "Warning", "BackOff", "Back-off", 4);
        old.put("lastTimestamp", "2026-11-23T09:00:00Z");
        cluster.with(EVENTS, "shop", "a", old)
                .with(EVENTS, "shop", "b", event("shop", "Pod", "web-2", "Warning", "Failed", "Error", 1));

        EventList list =
                service.list(CALLER, query(Optional.empty(), Optional.empty(), Optional.of(600), Optional.empty()));

        assertThat(list.groups()).extracting(group -> group.involved().name()).containsExactly("web-2");
    }

    @Test
    @DisplayName("A bad type, limit, window or object is refused before anything is read")
    void refusals() {
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.empty(), Optional.of("Error"), Optional.empty(), Optional.empty())))
                .hasMessageContaining("Normal or Warning");
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(501))))
                .hasMessageContaining("between 1 and 500");
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.empty(), Optional.empty(), Optional.of(0), Optional.empty())))
                .hasMessageContaining("sinceSeconds");
        assertThatThrownBy(() -> service.list(
                        CALLER,
                        query(Optional.of("Pod/web,x=y"), Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(io.kmcp.application.RequestFailedException.class);
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.of("P o/web"), Optional.empty(), Optional.empty(), Optional.empty())))
                .hasMessageContaining("Kind/name");
        assertThat(cluster.touchedObjects()).isFalse();
    }

    @Test
    @DisplayName("A bare name selects the object by name; the kind is capitalised; the type is matched in any case")
    void bareNameAndCase() {
        service.list(
                CALLER, query(Optional.of(" web-1 "), Optional.of(" Normal "), Optional.empty(), Optional.empty()));
        service.list(
                CALLER, query(Optional.of("deployment/web"), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(cluster.listRequests)
                .extracting(request ->
                        request.fieldSelector().map(FieldSelector::value).orElse(""))
                .containsExactly(
                        "involvedObject.name=web-1,type=Normal",
                        "involvedObject.kind=Deployment,involvedObject.name=web");
    }

    @Test
    @DisplayName("Blank filters are no filters")
    void blankFilters() {
        service.list(CALLER, query(Optional.of("  "), Optional.of(" "), Optional.empty(), Optional.empty()));

        assertThat(cluster.listRequests)
                .singleElement()
                .satisfies(request -> assertThat(request.fieldSelector()).isEmpty());
    }

    @Test
    @DisplayName("A Kind/name without a kind is refused")
    void missingKind() {
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.of("/web"), Optional.empty(), Optional.empty(), Optional.empty())))
                .hasMessageContaining("'/web' is not a name or Kind/name");
    }

    @Test
    @DisplayName("limit and sinceSeconds take their whole range, and no more")
    void bounds() {
        service.list(CALLER, query(Optional.empty(), Optional.empty(), Optional.of(1), Optional.of(1)));
        service.list(
                CALLER,
                query(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(SinceSeconds.MAX),
                        Optional.of(ListEventsService.MAX_LIMIT)));

        assertThat(cluster.listRequests).hasSize(2);
        assertThatThrownBy(() -> service.list(
                        CALLER, query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(0))))
                .hasMessage("limit must be between 1 and 500, was 0.");
        assertThatThrownBy(() -> service.list(
                        CALLER,
                        query(Optional.empty(), Optional.empty(), Optional.of(SinceSeconds.MAX + 1), Optional.empty())))
                .hasMessage("sinceSeconds must be between 1 and 2592000 (30 days), was 2592001.");
    }

    @Test
    @DisplayName("Every namespace is listed when none is given; a server with more events says so")
    void allNamespaces() {
        for (int i = 0; i < ListEventsService.MAX_READ + 1; i++) {
            cluster.with(EVENTS, "shop", "e" + i, event("shop", "Pod", "web-" + i, "Normal", "Pulled", "Pulled", 1));
        }

        EventList list = service.list(
                CALLER,
                new EventsQuery(
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(list.namespace()).isEmpty();
        assertThat(list.truncatedAtServer()).isTrue();
        assertThat(list.events()).isEqualTo(ListEventsService.MAX_READ);
        assertThat(list.groups()).hasSize(ListEventsService.DEFAULT_LIMIT);
        assertThat(list.omittedGroups()).isEqualTo(ListEventsService.MAX_READ - ListEventsService.DEFAULT_LIMIT);
    }
}
