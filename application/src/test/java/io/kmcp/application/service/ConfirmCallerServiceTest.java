package io.kmcp.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.application.BearerToken;
import io.kmcp.application.Caller;
import io.kmcp.application.Problem.Reason;
import io.kmcp.application.RequestFailedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Confirming callers with their API server")
class ConfirmCallerServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final List<String> reviews = new ArrayList<>();
    private String reviewedAs = "system:serviceaccount:team:agent";
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ConfirmCallerService service = new ConfirmCallerService(
            caller -> {
                reviews.add(caller.subject());
                return reviewedAs;
            },
            Duration.ofMinutes(1),
            100,
            clock);

    private static Caller caller(String token, Instant expiry) {
        return new Caller("dev", "system:serviceaccount:team:agent", new BearerToken(token, expiry));
    }

    @Test
    @DisplayName("one review per token until the recheck interval passes")
    void cachesUntilRecheck() {
        Caller caller = caller("token-a", NOW.plus(Duration.ofHours(1)));

        service.confirm(caller);
        service.confirm(caller);
        now = NOW.plus(Duration.ofSeconds(59));
        service.confirm(caller);
        assertThat(reviews).hasSize(1);

        now = NOW.plus(Duration.ofSeconds(61));
        service.confirm(caller);
        assertThat(reviews).hasSize(2);
    }

    @Test
    @DisplayName("never trusted past the token's expiry")
    void notPastExpiry() {
        Caller caller = caller("token-b", NOW.plus(Duration.ofSeconds(10)));

        service.confirm(caller);
        now = NOW.plus(Duration.ofSeconds(11));
        service.confirm(caller);

        assertThat(reviews).hasSize(2);
    }

    @Test
    @DisplayName("a token the API server attributes to someone else is refused as unauthorized")
    void otherIdentity() {
        reviewedAs = "system:serviceaccount:other:impostor";

        assertThatThrownBy(() -> service.confirm(caller("token-c", NOW.plus(Duration.ofHours(1)))))
                .isInstanceOfSatisfying(
                        RequestFailedException.class,
                        e -> assertThat(e.problem().reason()).isEqualTo(Reason.UNAUTHORIZED));
    }

    @Test
    @DisplayName("the API server's refusal is passed on, and nothing is remembered")
    void refusalPassesThrough() {
        ConfirmCallerService refusing = new ConfirmCallerService(
                caller -> {
                    reviews.add("refused");
                    throw new RequestFailedException(Reason.UNAUTHORIZED, "revoked");
                },
                Duration.ofMinutes(1),
                100,
                clock);
        Caller caller = caller("token-d", NOW.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> refusing.confirm(caller)).hasMessage("revoked");
        assertThatThrownBy(() -> refusing.confirm(caller)).hasMessage("revoked");
        assertThat(reviews).hasSize(2);
    }

    @Test
    @DisplayName("remembering needs room for at least one token")
    void maxRememberedMustBePositive() {
        assertThatThrownBy(() -> new ConfirmCallerService(caller -> reviewedAs, Duration.ofMinutes(1), 0, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRemembered must be positive, was 0");
    }

    @Test
    @DisplayName("at most maxRemembered tokens are remembered: a token forgotten for room is reviewed again")
    void boundedMemory() {
        ConfirmCallerService rememberingOne = new ConfirmCallerService(
                caller -> {
                    reviews.add(caller.token().reveal());
                    return reviewedAs;
                },
                Duration.ofMinutes(1),
                1,
                clock);
        Caller first = caller("token-e", NOW.plus(Duration.ofHours(1)));
        Caller second = caller("token-f", NOW.plus(Duration.ofHours(1)));

        rememberingOne.confirm(first);
        rememberingOne.confirm(first);
        rememberingOne.confirm(second);
        rememberingOne.confirm(first);

        assertThat(reviews).containsExactly("token-e", "token-f", "token-e");
    }

    @Test
    @DisplayName("expired confirmations make room first: a token still within its recheck time is not reviewed again")
    void expiredConfirmationsAreForgottenFirst() {
        ConfirmCallerService rememberingTwo = new ConfirmCallerService(
                caller -> {
                    reviews.add(caller.token().reveal());
                    return reviewedAs;
                },
                Duration.ofMinutes(1),
                2,
                clock);
        Caller shortLived = caller("token-g", NOW.plus(Duration.ofSeconds(10)));
        Caller longLived = caller("token-h", NOW.plus(Duration.ofHours(1)));
        Caller newcomer = caller("token-i", NOW.plus(Duration.ofHours(1)));

        rememberingTwo.confirm(shortLived);
        rememberingTwo.confirm(longLived);
        now = NOW.plus(Duration.ofSeconds(30));
        rememberingTwo.confirm(newcomer);
        rememberingTwo.confirm(longLived);
        rememberingTwo.confirm(newcomer);

        assertThat(reviews).containsExactly("token-g", "token-h", "token-i");
    }

    @Test
    @DisplayName("the same token on another cluster is reviewed by that cluster")
    void perCluster() {
        BearerToken token = new BearerToken("token-j", NOW.plus(Duration.ofHours(1)));

        service.confirm(new Caller("dev", "system:serviceaccount:team:agent", token));
        service.confirm(new Caller("prod", "system:serviceaccount:team:agent", token));

        assertThat(reviews).hasSize(2);
    }
}
