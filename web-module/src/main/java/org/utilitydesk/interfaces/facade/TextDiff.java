package org.utilitydesk.interfaces.facade;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-level difference between two texts (Chinese has no spaces to split words on), as runs of
 * kept, removed and added text. Texts too long for the quadratic comparison are shown as replaced whole.
 */
public final class TextDiff {

    /** One run of text: EQUAL, DELETE (only in the old text) or INSERT (only in the new one). */
    public record Segment(String op, String text) {
    }

    static final int MAX_CELLS = 4_000_000;

    private TextDiff() {
    }

    public static List<Segment> of(String before, String after) {
        String a = before == null ? "" : before;
        String b = after == null ? "" : after;
        List<Segment> out = new ArrayList<>();
        if (a.equals(b)) {
            if (!a.isEmpty()) {
                out.add(new Segment("EQUAL", a));
            }
            return out;
        }
        if ((long) a.length() * b.length() > MAX_CELLS) {
            add(out, "DELETE", a);
            add(out, "INSERT", b);
            return out;
        }
        int n = a.length();
        int m = b.length();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.charAt(i) == b.charAt(j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.charAt(i) == b.charAt(j)) {
                add(out, "EQUAL", String.valueOf(a.charAt(i)));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(out, "INSERT", String.valueOf(b.charAt(j)));
                j++;
            } else {
                add(out, "DELETE", String.valueOf(a.charAt(i)));
                i++;
            }
        }
        return out;
    }

    private static void add(List<Segment> out, String op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).op().equals(op)) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }
}
