package cn.etdz.common.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson's Schubfach double writer and fast double parser for every service's object mapper. Scores, explanations
 * and submissions are mostly doubles, and on Java 17 {@code Double.toString} was the largest single cost of storing a
 * snapshot's explanations and of answering a ranking (JFR). Every number written still reads back as exactly the same
 * double.
 */
@Singleton
public class FastNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        mapper.getFactory().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }
}
