package cn.etdz.common.i18n;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Puts a successful answer's messages (a {@link Localisable} body) into the request's language and says which in
 * {@code Content-Language}; {@code Vary: Accept-Language} keeps caches from serving it to a reader of the other
 * language. Problems are put into words by the problem mappers themselves.
 */
@Provider
public class LocalisedAnswers implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Localisable<?> body) {
            Locale language = Languages.of(request.getHeaderString(Languages.ACCEPT_LANGUAGE));
            response.setEntity(body.in(language));
            response.getHeaders().putSingle(Languages.CONTENT_LANGUAGE, Languages.tag(language));
            response.getHeaders().add(HttpHeaders.VARY, Languages.ACCEPT_LANGUAGE);
        }
    }
}
