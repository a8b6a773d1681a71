package cn.etdz.common.export;

/**
 * Text for a spreadsheet cell. A spreadsheet reads a cell beginning with {@code =}, {@code +}, {@code -} or {@code @}
 * (and, in some programs, a tab or carriage return before one) as a formula, so text from clients, a note such as
 * {@code =HYPERLINK(...)}, could run when the file is opened (CSV injection). Such text gets a leading apostrophe,
 * which spreadsheets show as the text itself. Numbers are never text here, so a negative number stays a number.
 */
public final class CellText {

    private CellText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
