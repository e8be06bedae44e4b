package io.wakepath.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * An enum whose constants have a command-line id, the kebab-case of their name ({@code REPORT_OVERFLOW} is
 * {@code report-overflow}): one way to name them, parse them and list them.
 */
public interface Identified {

    /** The id on the command line and in JSON. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws UsageException naming the known ids when {@code id} is none of {@code type}'s */
    static <E extends Enum<E> & Identified> E byId(Class<E> type, String id, String noun) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new UsageException("unknown " + noun + " '" + id + "' (known: " + ids(type, ", ") + ")");
    }

    /** Every id of {@code type}, joined with {@code separator}. */
    static <E extends Enum<E> & Identified> String ids(Class<E> type, String separator) {
        return String.join(separator, Arrays.stream(type.getEnumConstants()).map(Identified::id).toList());
    }
}
