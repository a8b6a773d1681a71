package cn.etdz.common.text;

/** What the platform accepts in text from clients. */
public final class Text {

    private Text() {
    }

    /**
     * Whether the text holds a control character (U+0000–U+001F, U+007F–U+009F). PostgreSQL refuses U+0000 outright
     * and none of the others belongs in a code or a name; free text ({@code lineBreaksAllowed}) may hold tabs and line
     * breaks.
     */
    public static boolean hasControlCharacter(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }
}
