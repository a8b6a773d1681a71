package cn.etdz.common.export;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} header of a download (RFC 6266): {@code filename*} carries the name in UTF-8,
 * percent-encoded (RFC 8187), so a Chinese name arrives intact; {@code filename} carries an ASCII stand-in for
 * clients that read only that.
 */
public final class ContentDisposition {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** Non-ASCII characters, quotes, backslashes and control characters become {@code _}. */
    static String asciiFallback(String fileName) {
        StringBuilder ascii = new StringBuilder(fileName.length());
        fileName.codePoints().forEach(c -> ascii.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? '_' : (char) c));
        return ascii.toString();
    }

    /** RFC 8187 {@code value-chars}: letters, digits and {@value #ATTR_CHARS} as they are, every other byte as %XX. */
    static String encode(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
