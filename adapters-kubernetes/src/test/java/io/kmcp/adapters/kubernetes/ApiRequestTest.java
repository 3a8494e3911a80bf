package io.kmcp.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("An API request is read as the API server reads it: a verb and a resource, never a name")
class ApiRequestTest {

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "GET    | /api/v1/namespaces/shop/pods                                 | list      | pods",
                "GET    | /api/v1/namespaces/shop/pods/web-7d9f                        | get       | pods",
                "GET    | /api/v1/namespaces/shop/pods/web-7d9f/log?container=app      | get       | pods/log",
                "GET    | /api/v1/namespaces/shop/pods?watch=true&resourceVersion=12   | watch     | pods",
                "GET    | /api/v1/watch/namespaces/shop/pods                           | watch     | pods",
                "GET    | /api/v1/namespaces                                           | list      | namespaces",
                "GET    | /api/v1/namespaces/shop                                      | get       | namespaces",
                "GET    | /api/v1/nodes/kwok-node-0                                    | get       | nodes",
                "GET    | /apis/apps/v1/deployments?limit=50                           | list      | deployments.apps",
                "GET    | /apis/apps/v1/namespaces/shop/deployments/web/scale          | get       | deployments.apps/scale",
                "PATCH  | /apis/apps/v1/namespaces/shop/deployments/web?fieldManager=k | patch     | deployments.apps",
                "POST   | /apis/authentication.k8s.io/v1/selfsubjectreviews            | create    | selfsubjectreviews.authentication.k8s.io",
                "PUT    | /api/v1/namespaces/shop/configmaps/settings                  | update    | configmaps",
                "DELETE | /api/v1/namespaces/shop/configmaps/settings                  | delete    | configmaps",
                "DELETE | /api/v1/namespaces/shop/configmaps                           | deletecollection | configmaps",
                "GET    | /api                                                         | discovery | ''",
                "GET    | /apis/apps/v1                                                | discovery | ''",
                "GET    | /version                                                     | discovery | ''",
                "GET    | /openid/v1/jwks                                              | discovery | ''",
                "OPTIONS| /api/v1/namespaces/shop/pods                                 | other     | pods",
            })
    void verbAndResource(String method, String url, String verb, String resource) {
        ApiRequest request = ApiRequest.of(method, URI.create("https://10.0.0.1:6443" + url));

        assertThat(request.verb()).isEqualTo(verb);
        assertThat(request.resource()).isEqualTo(resource);
        assertThat(request.resource()).doesNotContain("shop", "web", "settings", "kwok");
    }
}
