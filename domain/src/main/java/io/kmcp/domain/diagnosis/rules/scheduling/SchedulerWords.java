package io.kmcp.domain.diagnosis.rules.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The next steps for the scheduler's FailedScheduling message ("0/3 nodes are available: 1 node(s) had
 * untolerated taint {…}, 2 Insufficient cpu."), one for each fragment it names, in the order of the
 * fragments below.
 */
final class SchedulerWords {

    private record Fragment(String text, String step) {}

    private static final List<Fragment> FRAGMENTS = List.of(
            new Fragment("insufficient ", "lower the pods' requests or add capacity"),
            new Fragment("too many pods", "the nodes hold as many pods as they may: add capacity"),
            new Fragment("taint", "tolerate the nodes' taints or schedule elsewhere"),
            new Fragment(
                    "didn't match pod's node affinity/selector",
                    "no node has the labels its nodeSelector or" + " node affinity asks for: fix them or label a node"),
            new Fragment("node(s) were unschedulable", "the nodes are cordoned"),
            new Fragment("didn't have free ports", "another pod holds the hostPort it asks for"),
            new Fragment("anti-affinity", "its pod anti-affinity cannot be met beside the pods already placed"),
            new Fragment("didn't match pod affinity", "its pod affinity names pods that run on no eligible node"),
            new Fragment("topology spread", "its topology spread constraints cannot be met"),
            new Fragment("unbound immediate persistentvolumeclaims", "its claims are not bound: see the claim"),
            new Fragment(
                    "volume node affinity conflict",
                    "its volumes are in another zone or on another node" + " than the nodes that could take it"),
            new Fragment("persistentvolumeclaim", "a claim it uses is missing or not bound: see the claim"));

    private SchedulerWords() {}

    /** "lower the pods' requests or add capacity; tolerate the nodes' taints …", or nothing. */
    static String steps(String message) {
        String text = message.toLowerCase(Locale.ROOT);
        List<String> steps = new ArrayList<>();
        boolean claims = false;
        for (Fragment fragment : FRAGMENTS) {
            boolean aboutClaims = fragment.text().contains("persistentvolumeclaim");
            if (text.contains(fragment.text()) && !(aboutClaims && claims)) {
                steps.add(fragment.step());
                claims |= aboutClaims;
            }
        }
        return String.join("; ", steps);
    }
}
