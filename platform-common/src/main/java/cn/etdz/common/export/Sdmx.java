package cn.etdz.common.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the SDMX exports share: the columns an SDMX-CSV 2.0 row starts with, and the data structure definitions, each an
 * SDMX-JSON 2.0 structure message kept as a resource of the service that exports the data.
 */
public final class Sdmx {

    /** The media type of a structure definition: an SDMX-JSON 2.0 structure message (SDMX 3.0). */
    public static final String STRUCTURE_JSON = "application/vnd.sdmx.structure+json; version=2.0.0";

    /** The columns every SDMX-CSV 2.0 file starts with, before the components of its data structure. */
    static final List<String> STRUCTURE_COLUMNS = List.of("STRUCTURE", "STRUCTURE_ID", "ACTION");

    private Sdmx() {
    }

    /** The header of an SDMX-CSV 2.0 file: the structure columns, then the components in the definition's order. */
    public static List<String> header(String... components) {
        List<String> header = new ArrayList<>(STRUCTURE_COLUMNS);
        header.addAll(Arrays.asList(components));
        return List.copyOf(header);
    }

    /**
     * A row of the dataflow (such as {@code ETDZ:DF_ZONE_VALUES(1.0.0)}): its action is I (information, loaded by a
     * receiver as an append), then the components' values; {@code null} is an empty cell.
     */
    public static List<Object> observation(String dataflow, Object... components) {
        List<Object> row = new ArrayList<>(components.length + STRUCTURE_COLUMNS.size());
        row.add("dataflow");
        row.add(dataflow);
        row.add("I");
        row.addAll(Arrays.asList(components));
        return row;
    }

    /** The structure message at {@code resource} on the class path of {@code owner}, read once at start. */
    public static byte[] structure(Class<?> owner, String resource) {
        try (InputStream in = Objects.requireNonNull(owner.getResourceAsStream(resource), resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
