package cn.etdz.common.events;

/** An event a consumer cannot process however often it retries; it belongs on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
