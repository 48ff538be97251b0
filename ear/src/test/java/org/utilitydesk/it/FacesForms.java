package org.utilitydesk.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of a rendered Faces page as a browser would post them: each form's fields (hidden ones with their values,
 * those a person fills in), its file inputs, its buttons (Ajax or not, with what PrimeFaces processes and updates) and
 * its data tables. Read from the HTML Mojarra and PrimeFaces write, not from the page's source.
 */
final class FacesForms {

    record Button(String id, boolean ajax, String process, String update) {
    }

    record Form(String id, boolean multipart, Map<String, String> fields, Set<String> fillable, List<String> files,
                List<Button> buttons, List<String> tables) {
    }

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>");
    private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>");
    private static final Pattern TABLE = Pattern.compile("<div id=\"([^\"]+)\" class=\"ui-datatable\\b");
    private static final Pattern ROW_ID = Pattern.compile(":\\d+:");

    private FacesForms() {
    }

    static List<Form> of(String html) {
        List<Form> forms = new ArrayList<>();
        Matcher f = FORM.matcher(html);
        while (f.find()) {
            String id = attribute(f.group(1), "id");
            if (id == null) {
                continue;
            }
            String body = f.group(2);
            Map<String, String> fields = new LinkedHashMap<>();
            Set<String> fillable = new LinkedHashSet<>();
            List<String> files = new ArrayList<>();
            Matcher input = INPUT.matcher(body);
            while (input.find()) {
                String name = attribute(input.group(1), "name");
                String type = String.valueOf(attribute(input.group(1), "type")).toLowerCase();
                if (name == null || type.equals("submit") || type.equals("button") || input.group(1).contains("disabled")) {
                    continue;
                }
                if (type.equals("file")) {
                    files.add(name);
                    continue;
                }
                String value = attribute(input.group(1), "value");
                fields.put(name, value == null ? "" : value);
                if (!type.equals("hidden")) {
                    fillable.add(name);
                }
            }
            for (Pattern other : List.of(TEXTAREA, SELECT)) {
                Matcher m = other.matcher(body);
                while (m.find()) {
                    String name = attribute(m.group(1), "name");
                    if (name != null && !m.group(1).contains("disabled")) {
                        fields.put(name, "");
                        fillable.add(name);
                    }
                }
            }
            List<Button> buttons = new ArrayList<>();
            Matcher b = BUTTON.matcher(body);
            while (b.find()) {
                String buttonId = attribute(b.group(1), "id");
                if (buttonId == null || ROW_ID.matcher(buttonId).find() || b.group(1).contains("disabled")) {
                    continue;
                }
                buttons.add(button(html, buttonId));
            }
            List<String> tables = new ArrayList<>();
            Matcher t = TABLE.matcher(body);
            while (t.find()) {
                tables.add(t.group(1));
            }
            forms.add(new Form(id, String.valueOf(attribute(f.group(1), "enctype")).contains("multipart"), fields, fillable,
                    files, buttons, tables));
        }
        return forms;
    }

    /** The hidden fields of one form of the page (its view state among them). */
    static Map<String, String> hidden(String html, String formId) {
        Map<String, String> hidden = new LinkedHashMap<>();
        of(html).stream().filter(f -> f.id().equals(formId)).findFirst().ifPresent(f ->
                f.fields().forEach((name, value) -> {
                    if (!f.fillable().contains(name)) {
                        hidden.put(name, value);
                    }
                }));
        return hidden;
    }

    /** A button is an Ajax one if PrimeFaces registered an Ajax call for it ({@code PrimeFaces.ab({s:"id",…})}). */
    private static Button button(String html, String id) {
        int call = html.indexOf("PrimeFaces.ab({s:\"" + id + "\"");
        if (call < 0) {
            return new Button(id, false, null, null);
        }
        String options = html.substring(call, Math.max(call, html.indexOf("})", call)));
        return new Button(id, true, option(options, "p"), option(options, "u"));
    }

    private static String option(String options, String name) {
        Matcher m = Pattern.compile("[,{]" + name + ":\"([^\"]*)\"").matcher(options);
        return m.find() ? m.group(1) : null;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?<![\\w-])" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                : null;
    }
}
