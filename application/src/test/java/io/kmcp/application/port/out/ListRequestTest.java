package io.kmcp.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kmcp.domain.resource.ContinueToken;
import io.kmcp.domain.resource.FieldSelector;
import io.kmcp.domain.resource.LabelSelector;
import io.kmcp.domain.resource.NamespaceName;
import io.kmcp.domain.resource.PageLimit;
import io.kmcp.domain.resource.ResourceQuery;
import io.kmcp.domain.type.ResourceType;
import io.kmcp.domain.type.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A list request for an adapter")
class ListRequestTest {

    private static final ResourceType PODS =
            new ResourceType("", "v1", "Pod", "pods", "pod", List.of("po"), true, EnumSet.allOf(Verb.class));

    @Test
    @DisplayName("carries every part of a validated query as the plain strings an adapter sends")
    void fromQuery() {
        ResourceQuery query = new ResourceQuery(
                PODS,
                Optional.of(new NamespaceName("team")),
                Optional.of(new LabelSelector("app=web")),
                Optional.of(new FieldSelector("status.phase=Running")),
                new PageLimit(20),
                Optional.of(new ContinueToken("page-2")));

        assertThat(ListRequest.of(query))
                .isEqualTo(new ListRequest(
                        PODS,
                        Optional.of("team"),
                        Optional.of("app=web"),
                        Optional.of("status.phase=Running"),
                        20,
                        Optional.of("page-2")));
    }

    @Test
    @DisplayName("a first page of everything has no namespace, selectors or token, and the default limit")
    void fromPlainQuery() {
        assertThat(ListRequest.of(ResourceQuery.of(PODS)))
                .isEqualTo(new ListRequest(
                        PODS, Optional.empty(), Optional.empty(), Optional.empty(), 50, Optional.empty()));
    }

    @Test
    @DisplayName("a page holds at least one object")
    void limitIsPositive() {
        assertThat(new ListRequest(PODS, Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty())
                        .limit())
                .isEqualTo(1);
        assertThatThrownBy(() -> new ListRequest(
                        PODS, Optional.empty(), Optional.empty(), Optional.empty(), 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be positive, was 0");
    }
}
