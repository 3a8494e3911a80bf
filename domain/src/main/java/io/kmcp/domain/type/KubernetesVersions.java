package io.kmcp.domain.type;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes version priority, as the API server orders the versions of a group: GA before beta before
 * alpha, then the higher major, then the higher minor ({@code v2 > v1 > v1beta2 > v1beta1 >
 * v1alpha1}); strings that are not Kubernetes versions come last, in lexicographic order.
 */
public final class KubernetesVersions {

    /** Sorting with this comparator puts the version to prefer first. */
    public static final Comparator<String> HIGHEST_PRIORITY_FIRST = KubernetesVersions::compare;

    private static final Pattern VERSION = Pattern.compile("v([0-9]+)(?:(alpha|beta)([0-9]+))?");

    private KubernetesVersions() {}

    /** True for {@code v1}, {@code v2beta1}, {@code v1alpha3} …; false for anything else. */
    public static boolean isKubernetesVersion(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    private static int compare(String left, String right) {
        Matcher l = VERSION.matcher(left);
        Matcher r = VERSION.matcher(right);
        boolean leftConforms = l.matches();
        boolean rightConforms = r.matches();
        if (leftConforms && rightConforms) {
            int byStability = Integer.compare(stability(l), stability(r));
            if (byStability != 0) {
                return byStability;
            }
            int byMajor = new BigInteger(r.group(1)).compareTo(new BigInteger(l.group(1)));
            if (byMajor != 0) {
                return byMajor;
            }
            return minor(r).compareTo(minor(l));
        }
        if (leftConforms != rightConforms) {
            return leftConforms ? -1 : 1;
        }
        return left.compareTo(right);
    }

    /** 0 for GA, 1 for beta, 2 for alpha: lower sorts first. */
    private static int stability(Matcher version) {
        String level = version.group(2);
        if (level == null) {
            return 0;
        }
        return level.equals("beta") ? 1 : 2;
    }

    private static BigInteger minor(Matcher version) {
        String minor = version.group(3);
        return minor == null ? BigInteger.ZERO : new BigInteger(minor);
    }
}
