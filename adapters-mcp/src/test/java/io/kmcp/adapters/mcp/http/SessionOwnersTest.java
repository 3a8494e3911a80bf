package io.kmcp.adapters.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionOwnersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final SessionOwners owners = new SessionOwners(Duration.ofMinutes(10), clock);

    @Test
    @DisplayName("A caller holding its maximum of sessions is full until one ends or idles out; others are not")
    void capPerOwner() {
        SessionOwners capped = new SessionOwners(Duration.ofMinutes(10), 2, clock);
        capped.bind("a1", "c/alice");
        assertThat(capped.isFull("c/alice")).isFalse();
        capped.bind("a2", "c/alice");

        assertThat(capped.isFull("c/alice")).isTrue();
        assertThat(capped.isFull("c/bob")).isFalse();

        capped.forget("a1");
        assertThat(capped.isFull("c/alice")).isFalse();

        capped.bind("a3", "c/alice");
        clock.advance(Duration.ofMinutes(11));
        assertThat(capped.isFull("c/alice")).as("idle sessions no longer count").isFalse();
    }

    @Test
    @DisplayName("A session is bound to its first owner for good; nobody else can enter it")
    void boundOnce() {
        owners.bind("s1", "c/alice");
        owners.bind("s1", "c/mallory");

        assertThat(owners.enter("s1", "c/mallory")).isEmpty();
        assertThat(owners.enter("s1", "c/alice")).isPresent();
        assertThat(owners.enter("unknown", "c/alice")).isEmpty();
    }

    @Test
    @DisplayName("An idle session is forgotten after the timeout, but not while a request (a listening stream) is open")
    void idleSessionsAreSwept() {
        owners.bind("idle", "c/alice");
        owners.bind("listening", "c/alice");
        SessionOwners.Lease stream = owners.enter("listening", "c/alice").orElseThrow();

        clock.advance(Duration.ofMinutes(11));
        owners.sweep();

        assertThat(owners.enter("idle", "c/alice")).isEmpty();
        assertThat(owners.enter("listening", "c/alice")).isPresent();
        stream.close();
    }

    @Test
    @DisplayName("A forgotten session is unknown")
    void forgotten() {
        owners.bind("s1", "c/alice");
        owners.forget("s1");

        assertThat(owners.enter("s1", "c/alice")).isEmpty();
        assertThat(owners.size()).isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
