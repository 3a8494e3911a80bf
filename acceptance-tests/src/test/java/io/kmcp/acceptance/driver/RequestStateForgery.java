package io.kmcp.acceptance.driver;

/** What a client could do to a confirmation's request state ({@code <payload>.<signature>}, both base64url). */
public final class RequestStateForgery {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private RequestStateForgery() {}

    /**
     * The state with one character of its signature replaced by another. The middle one: the last
     * character of a base64 text may carry padding bits only, and changing those alone changes nothing.
     */
    public static String withSignatureAltered(String requestState) {
        int dot = requestState.lastIndexOf('.');
        if (dot < 0 || dot == requestState.length() - 1) {
            throw new IllegalArgumentException("a request state is <payload>.<signature>; this one has no signature");
        }
        int at = dot + 1 + (requestState.length() - dot - 1) / 2;
        char original = requestState.charAt(at);
        char replacement = ALPHABET.charAt((ALPHABET.indexOf(original) + 1) % ALPHABET.length());
        return requestState.substring(0, at) + replacement + requestState.substring(at + 1);
    }
}
