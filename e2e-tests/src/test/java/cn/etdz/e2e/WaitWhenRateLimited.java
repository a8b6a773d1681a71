package cn.etdz.e2e;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A REST Assured filter for a test that reads the API zone by zone, as a well-behaved client does: a 429 answer is
 * waited out for the gateway's {@code Retry-After} seconds and the request sent again (a few times at most), so the
 * test measures what it reads, not how fast the machine let it read.
 */
public final class WaitWhenRateLimited implements Filter {

    private static final int MAX_RETRIES = 5;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        for (int retry = 0; answer.statusCode() == 429 && retry < MAX_RETRIES; retry++) {
            String retryAfter = answer.header("Retry-After");
            long seconds = retryAfter == null ? 1 : Math.max(1, Long.parseLong(retryAfter.trim()));
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = context.next(request, response);
        }
        return answer;
    }
}
