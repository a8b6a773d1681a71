package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/**
 * Turns the bytes of a CSV body into text as Excel writes it: UTF-8 with or without a byte-order mark, or the charset
 * the {@code Content-Type} names (Excel on Chinese Windows saves "CSV (逗号分隔)" in GB18030/GBK). Bytes that are not
 * valid in that charset are refused naming the line, never replaced: a silently garbled note is worse than a 400.
 */
final class CsvText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvText() {
    }

    /** @param charsetName the {@code charset} parameter of the Content-Type, or null for UTF-8 */
    static String decode(byte[] body, String charsetName) {
        Charset charset = charset(charsetName);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(body.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalidBytes(body, in.position(), charset);
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.badRequest(Message.of("indicator.csv.charset-unknown", name),
                    List.of(new Violation("Content-Type", "unknown-charset", Message.of("indicator.csv.charset-use"))));
        }
    }

    /** Lines are counted by line-feed bytes, which never occur inside a character in UTF-8, GB18030 or GBK. */
    private static ProblemException invalidBytes(byte[] body, int position, Charset charset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (body[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        Message message = Message.of(charset.equals(StandardCharsets.UTF_8) ? "indicator.csv.bytes-not-utf8"
                        : "indicator.csv.bytes-not-charset", line, charset.name(),
                "0x%02X".formatted(body[position] & 0xFF), position - lineStart + 1);
        return ProblemException.badRequest(Message.of("indicator.csv.not-text", charset.name()),
                List.of(new Violation("line " + line, "invalid-encoding", message)));
    }
}
