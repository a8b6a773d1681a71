package cn.etdz.common.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * While the service cannot reach its database, a request fails with {@code 503} and {@code Retry-After}, not 500:
 * the request was sound, its transaction rolled back, and the same request will succeed once the database is back
 * (the connection pool reconnects by itself). Every other unexpected exception stays the last resort's 500.
 */
@Provider
public class DatabaseUnavailableMapper extends ProblemMappers.ProblemMapper<RuntimeException> {

    /** Seconds a client should wait before retrying: about what a PostgreSQL restart or failover takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    private final ProblemMappers.UnexpectedMapper unexpected = new ProblemMappers.UnexpectedMapper();

    @Override
    ProblemMessage problem(RuntimeException exception) {
        if (!isDatabaseUnavailable(exception)) {
            return unexpected.problem(exception);
        }
        LOG.warnf("Database unavailable: %s", exception.getMessage());
        return ProblemMappers.simple(503, "database-unavailable", "common.database-unavailable.title",
                "common.database-unavailable.detail");
    }

    @Override
    public Response toResponse(RuntimeException exception) {
        Response response = super.toResponse(exception);
        return response.getStatus() != 503 ? response
                : Response.fromResponse(response).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /**
     * True when a cause is a lost or refused database connection (SQLState class 08), the server shutting down or
     * starting (57P01 to 57P03), or the pool giving up waiting for a connection.
     */
    static boolean isDatabaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")
                        || sql instanceof java.sql.SQLTransientConnectionException
                        || (state.isEmpty() && String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
