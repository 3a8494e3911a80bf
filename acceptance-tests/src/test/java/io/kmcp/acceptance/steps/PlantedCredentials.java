package io.kmcp.acceptance.steps;

import java.util.List;

/**
 * The credentials the redaction scenarios plant outside Secrets: realistic in format (what the rules
 * must recognise), invented in value. None may reach an agent while redaction is on.
 */
final class PlantedCredentials {

    static final String DB_PASSWORD = "Tr0ub4dor-and-3";
    static final String AWS_ACCESS_KEY_ID = "AKIAZ7EXAMPLEREDACT2";
    static final String AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
    static final String URL_PASSWORD = "Url-Pa55word";
    static final String DATABASE_URL = "postgres://billing:" + URL_PASSWORD + "@db:5432/billing";
    static final String ARGUMENT_PASSWORD = "Arg-S3cret-9";
    static final String DEPLOY_TOKEN = "dt-5f4e3d2c1b0a";
    static final String GITHUB_TOKEN = "ghp_R8t2mK9xQ4vL7pN3wZ6yB1cF5hJ0sD2eG8aT";
    static final String API_TOKEN = "cm-T0ken-77aa91";
    static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDBj08sp5";
    static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "\n-----END PRIVATE KEY-----\n";

    /** Every planted value, or the part of it that must never be seen. */
    static final List<String> ALL = List.of(
            DB_PASSWORD,
            AWS_ACCESS_KEY_ID,
            AWS_SECRET_ACCESS_KEY,
            URL_PASSWORD,
            ARGUMENT_PASSWORD,
            DEPLOY_TOKEN,
            GITHUB_TOKEN,
            API_TOKEN,
            PEM_BODY);

    private PlantedCredentials() {}
}
