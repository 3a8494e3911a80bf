package io.kmcp.acceptance.driver;

/** The short wait between two polls of something that becomes true a moment later. */
final class Pause {

    private Pause() {}

    static void briefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
