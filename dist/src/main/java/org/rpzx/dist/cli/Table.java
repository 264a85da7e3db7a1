package org.rpzx.dist.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints JSON objects as an aligned text table with the given columns (snake_case keys). */
public final class Table {

  private Table() {}

  public static void print(PrintWriter out, JsonNode rows, String... columns) {
    List<String[]> cells = new ArrayList<>();
    String[] header = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      header[i] = columns[i].toUpperCase().replace('_', ' ');
    }
    cells.add(header);
    if (rows != null) {
      for (JsonNode row : rows) {
        String[] line = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
          JsonNode v = row.get(columns[i]);
          line[i] = v == null || v.isNull() ? "-" : cell(v);
        }
        cells.add(line);
      }
    }
    int[] width = new int[columns.length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    for (String[] line : cells) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        sb.append(line[i]);
        if (i < line.length - 1) {
          sb.append(" ".repeat(width[i] - line[i].length() + 2));
        }
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  /** A value; an array as its items joined by spaces ("-" if empty). */
  private static String cell(JsonNode v) {
    if (!v.isArray()) {
      return v.asText();
    }
    java.util.List<String> items = new java.util.ArrayList<>();
    v.forEach(item -> items.add(item.asText()));
    return items.isEmpty() ? "-" : String.join(" ", items);
  }
}
