package dev.synwarm.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.synwarm.sys.UsageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree that remembers the line of every node, so validation can say
 * {@code file:line: field: problem}. Jackson's data binding loses lines once values are converted.
 */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

    private YamlTree() {}

    sealed interface Node permits MapNode, ListNode, Scalar {
        int line();
    }

    /** A key of a mapping with the line the key is on. */
    record Entry(String key, int line, Node value) {}

    record MapNode(int line, Map<String, Entry> entries) implements Node {}

    record ListNode(int line, List<Node> items) implements Node {}

    /** A scalar; {@code kind} tells a quoted or plain word from a number, a boolean or null. */
    record Scalar(int line, String text, Kind kind) implements Node {
        enum Kind {
            TEXT,
            INTEGER,
            DECIMAL,
            BOOLEAN,
            NULL
        }
    }

    /** Parses {@code text}; {@code file} only names the source in messages. */
    static Node parse(String file, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UsageException(file + ":1: the scenario is empty");
            }
            Node root = read(file, p);
            if (p.nextToken() != null) {
                throw new UsageException(file + ":" + line(p) + ": only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            // SnakeYAML's last "line L, column C" is where the problem is; Jackson's location can be
            // the end of the token before it.
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            int column = at == null ? 1 : at.getColumnNr();
            java.util.regex.Matcher m = MARK.matcher(e.getOriginalMessage());
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
            throw new UsageException(file + ":" + line + ": YAML syntax error at column " + column + ": "
                    + problem(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Node read(String file, JsonParser p) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    p.nextToken();
                    Node value = read(file, p);
                    if (entries.putIfAbsent(key, new Entry(key, keyLine, value)) != null) {
                        throw new UsageException(file + ":" + keyLine + ": " + key + ": duplicate key");
                    }
                }
                return new MapNode(line, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(file, p));
                }
                return new ListNode(line, items);
            }
            case VALUE_STRING -> {
                return new Scalar(line, p.getText(), Scalar.Kind.TEXT);
            }
            case VALUE_NUMBER_INT -> {
                return new Scalar(line, p.getText(), Scalar.Kind.INTEGER);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Scalar(line, p.getText(), Scalar.Kind.DECIMAL);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(line, p.getText(), Scalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new Scalar(line, "", Scalar.Kind.NULL);
            }
            default -> throw new UsageException(file + ":" + line + ": unexpected YAML content " + t);
        }
    }

    /** SnakeYAML's multi-line message without its source excerpts: "while parsing X, expected Y". */
    private static String problem(String message) {
        return message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static int line(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        return at == null ? 1 : at.getLineNr();
    }
}
