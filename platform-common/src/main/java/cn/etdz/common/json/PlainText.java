package cn.etdz.common.json;

import cn.etdz.common.text.Text;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every string read from JSON (values and object keys) is refused when it holds a control character other than a
 * tab or line break, so such text is answered with a 400 naming the field instead of reaching the database.
 */
@Singleton
public class PlainText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-text")
                .addDeserializer(String.class, new CheckedString())
                .addKeyDeserializer(String.class, new CheckedKey()));
    }

    /** A string value or key with a control character; the problem mappers name its JSON path. */
    public static final class ControlCharacter extends MismatchedInputException {
        ControlCharacter(JsonParser parser) {
            super(parser, "Control characters are not allowed in text.");
        }
    }

    static final class CheckedString extends StdScalarDeserializer<String> {
        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context), parser);
        }
    }

    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser());
        }
    }

    private static String checked(String text, JsonParser parser) throws ControlCharacter {
        if (text != null && Text.hasControlCharacter(text, true)) {
            throw new ControlCharacter(parser);
        }
        return text;
    }
}
