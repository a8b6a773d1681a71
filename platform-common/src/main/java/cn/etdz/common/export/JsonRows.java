package cn.etdz.common.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** A JSON array written element by element, each serialised as the API serialises it. */
public final class JsonRows implements Closeable {

    private final JsonGenerator generator;

    public JsonRows(ObjectMapper mapper, OutputStream out) throws IOException {
        generator = mapper.getFactory().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.writeStartArray();
    }

    public void write(Object row) throws IOException {
        generator.writeObject(row);
    }

    @Override
    public void close() throws IOException {
        generator.writeEndArray();
        generator.close();
    }
}
