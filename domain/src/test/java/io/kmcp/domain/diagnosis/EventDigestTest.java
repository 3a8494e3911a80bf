package io.kmcp.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.kmcp.domain.fixtures.PropertyTest;
import io.kmcp.domain.fixtures.Samples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The event digest")
class EventDigestTest {

    private static final ObjectRef WEB_A = new ObjectRef("Pod", "shop", "web-a", "uid-a");
    private static final ObjectRef WEB_B = new ObjectRef("Pod", "shop", "web-b", "uid-b");

    private static Optional<Instant> at(String time) {
        return Optional.of(Instant.parse("2026-11-23T" + time + "Z"));
    }

    private static EventSnapshot event(
            String type, String reason, ObjectRef involved, String message, int count, String first, String last) {
        return new EventSnapshot(
                type,
                reason,
                message,
                involved,
                count,
                first == null ? Optional.empty() : at(first),
                last == null ? Optional.empty() : at(last),
                Optional.of("kubelet"));
    }

    @Test
    @DisplayName("the same message about the same object is one group: counts summed, first and last sightings kept")
    void groups() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Warning", "BackOff", WEB_A, "Back-off restarting failed container", 3, "09:10:00", "09:20:00"),
                event("Warning", "BackOff", WEB_A, "Back-off restarting failed container", 5, "09:05:00", "09:15:00"),
                event("Warning", "BackOff", WEB_A, "Back-off restarting failed container", 1, null, null)));

        assertThat(groups)
                .containsExactly(new EventGroup(
                        "Warning",
                        "BackOff",
                        WEB_A,
                        "Back-off restarting failed container",
                        9,
                        at("09:05:00"),
                        at("09:20:00")));
    }

    @Test
    @DisplayName("a later sighting without times keeps the times seen before")
    void absentTimesLater() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Normal", "Pulled", WEB_A, "pulled", 1, null, null),
                event("Normal", "Pulled", WEB_A, "pulled", 1, "09:00:00", "09:01:00"),
                event("Normal", "Pulled", WEB_A, "pulled", 1, null, null)));

        assertThat(groups.get(0).firstSeen()).isEqualTo(at("09:00:00"));
        assertThat(groups.get(0).lastSeen()).isEqualTo(at("09:01:00"));
        assertThat(groups.get(0).count()).isEqualTo(3);
    }

    @Test
    @DisplayName("messages that differ in a number stay apart: the number is often the point")
    void digitsKept() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Warning", "FailedScheduling", WEB_A, "0/3 nodes are available", 1, null, "09:00:00"),
                event("Warning", "FailedScheduling", WEB_A, "0/4 nodes are available", 1, null, "09:00:00")));

        assertThat(groups)
                .extracting(EventGroup::message)
                .containsExactly("0/3 nodes are available", "0/4 nodes are available");
    }

    @Test
    @DisplayName("type, reason, kind, namespace and name each keep events apart")
    void keyParts() {
        ObjectRef node = new ObjectRef("Node", "", "web-a", "");
        ObjectRef otherNamespace = new ObjectRef("Pod", "other", "web-a", "");
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Warning", "X", WEB_A, "m", 1, null, "09:00:00"),
                event("Normal", "X", WEB_A, "m", 1, null, "09:00:00"),
                event("Warning", "Y", WEB_A, "m", 1, null, "09:00:00"),
                event("Warning", "X", node, "m", 1, null, "09:00:00"),
                event("Warning", "X", otherNamespace, "m", 1, null, "09:00:00"),
                event("Warning", "X", WEB_B, "m", 1, null, "09:00:00")));

        assertThat(groups).hasSize(6);
    }

    @Test
    @DisplayName("the uid does not split a group: events name objects by kind and name")
    void uidIgnored() {
        ObjectRef withoutUid = new ObjectRef("Pod", "shop", "web-a", "");

        assertThat(EventDigest.of(List.of(
                        event("Warning", "X", WEB_A, "m", 1, null, null),
                        event("Warning", "X", withoutUid, "m", 1, null, null))))
                .singleElement()
                .satisfies(group -> assertThat(group.involved()).isEqualTo(WEB_A));
    }

    @Test
    @DisplayName("warnings first, then newest first (never seen last), then by reason and object name")
    void order() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Normal", "Pulled", WEB_A, "pulled", 1, null, "09:59:00"),
                event("Warning", "Unhealthy", WEB_B, "probe", 1, null, null),
                event("Warning", "BackOff", WEB_B, "back-off", 1, null, "09:30:00"),
                event("Warning", "BackOff", WEB_A, "back-off", 1, null, "09:30:00"),
                event("Warning", "Failed", WEB_A, "failed", 1, null, "09:40:00"),
                event("Warning", "AAA", WEB_B, "same time", 1, null, "09:30:00")));

        assertThat(groups)
                .extracting(group -> group.reason() + " " + group.involved().name())
                .containsExactly(
                        "Failed web-a",
                        "AAA web-b",
                        "BackOff web-a",
                        "BackOff web-b",
                        "Unhealthy web-b",
                        "Pulled web-a");
    }

    @Test
    @DisplayName("ties on reason and name are broken by kind, namespace, message and type, so the order is total")
    void totalOrder() {
        ObjectRef node = new ObjectRef("Node", "", "web-a", "");
        ObjectRef otherNamespace = new ObjectRef("Pod", "other", "web-a", "");
        List<EventSnapshot> events = List.of(
                event("Normal", "X", WEB_A, "b", 1, null, null),
                event("Normal", "X", WEB_A, "a", 1, null, null),
                event("Normal", "X", otherNamespace, "a", 1, null, null),
                event("Normal", "X", node, "a", 1, null, null),
                event("Odd", "X", node, "a", 1, null, null));

        assertThat(EventDigest.of(events))
                .extracting(group -> group.involved().display() + " " + group.message() + " " + group.type())
                .containsExactly(
                        "Node web-a a Normal",
                        "Node web-a a Odd",
                        "Pod other/web-a a Normal",
                        "Pod shop/web-a a Normal",
                        "Pod shop/web-a b Normal");
    }

    @Test
    @DisplayName("objects of two kinds with one name in one namespace are ordered by kind")
    void kindsOfOneName() {
        ObjectRef service = new ObjectRef("Service", "shop", "web", "");
        ObjectRef deployment = new ObjectRef("Deployment", "shop", "web", "");

        assertThat(EventDigest.of(List.of(
                        event("Warning", "X", service, "m", 1, null, null),
                        event("Warning", "X", deployment, "m", 1, null, null))))
                .extracting(group -> group.involved().kind())
                .containsExactly("Deployment", "Service");
    }

    @PropertyTest
    @MethodSource("shuffleSeeds")
    @DisplayName("the digest does not depend on the order the events were listed in")
    void orderIndependent(long seed) {
        List<EventSnapshot> events = new ArrayList<>(List.of(
                event("Normal", "Pulled", WEB_A, "pulled", 1, null, "09:59:00"),
                event("Warning", "Unhealthy", WEB_B, "probe", 2, "09:00:00", null),
                event("Warning", "BackOff", WEB_B, "back-off", 1, "09:10:00", "09:30:00"),
                event("Warning", "BackOff", WEB_B, "back-off", 4, "09:01:00", "09:20:00"),
                event("Warning", "BackOff", WEB_A, "back-off", 1, null, "09:30:00"),
                event("Normal", "Pulled", WEB_A, "pulled", 3, "08:00:00", "09:00:00")));
        List<EventGroup> expected = EventDigest.of(events);

        Collections.shuffle(events, new Random(seed));

        assertThat(EventDigest.of(events)).isEqualTo(expected);
    }

    /** Seeds to shuffle with, the extreme ones among them. */
    static Stream<Named<Long>> shuffleSeeds() {
        return Samples.of(random -> random.nextInt(10) == 0
                ? Samples.oneOf(random, 0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE)
                : random.nextLong());
    }

    @Test
    @DisplayName("counts never overflow")
    void hugeCounts() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Warning", "X", WEB_A, "m", Integer.MAX_VALUE, null, null),
                event("Warning", "X", WEB_A, "m", 5, null, null)));

        assertThat(groups.get(0).count()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("filtered by type (any case) and by last sighting; groups never seen are kept")
    void filter() {
        List<EventGroup> groups = EventDigest.of(List.of(
                event("Warning", "BackOff", WEB_A, "back-off", 1, null, "09:30:00"),
                event("Warning", "Failed", WEB_A, "failed", 1, null, "09:00:00"),
                event("Warning", "Unhealthy", WEB_A, "probe", 1, null, null),
                event("Normal", "Pulled", WEB_A, "pulled", 1, null, "09:45:00")));

        assertThat(EventDigest.filter(groups, Optional.empty(), Optional.empty()))
                .isEqualTo(groups);
        assertThat(EventDigest.filter(groups, Optional.of("warning"), Optional.empty()))
                .extracting(EventGroup::reason)
                .containsExactly("BackOff", "Failed", "Unhealthy");
        assertThat(EventDigest.filter(groups, Optional.of("Normal"), Optional.empty()))
                .extracting(EventGroup::reason)
                .containsExactly("Pulled");
        assertThat(EventDigest.filter(groups, Optional.empty(), at("09:30:00")))
                .extracting(EventGroup::reason)
                .containsExactly("BackOff", "Unhealthy", "Pulled");
        assertThat(EventDigest.filter(groups, Optional.of("Warning"), at("09:30:01")))
                .extracting(EventGroup::reason)
                .containsExactly("Unhealthy");
    }

    @Test
    @DisplayName("filter asks for both options, present or empty")
    void filterNeedsOptions() {
        assertThatNullPointerException().isThrownBy(() -> EventDigest.filter(List.of(), null, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> EventDigest.filter(List.of(), Optional.empty(), null));
    }

    @Test
    @DisplayName("no events, no groups")
    void empty() {
        assertThat(EventDigest.of(List.of())).isEmpty();
    }
}
