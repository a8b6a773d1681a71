package cn.etdz.common.export;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The answer of an export: its body written while it is sent, its media type, and a download name for files. */
public final class ExportResponses {

    private ExportResponses() {
    }

    /**
     * @param baseName the file name without extension (Chinese is fine); JSON is the API's own answer, so it gets no
     *                 download name
     */
    public static Response of(ExportFormat format, String baseName, StreamingOutput body) {
        Response.ResponseBuilder response = Response.ok(body).type(format.mediaType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (format != ExportFormat.JSON) {
            response.header("Content-Disposition", ContentDisposition.attachment(baseName + "." + format.extension));
        }
        return response.build();
    }
}
