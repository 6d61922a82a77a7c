package org.figstream.connectors.sink;

import org.apache.avro.Schema;
import org.figstream.connectors.sink.rows.ArticleRows;
import org.figstream.records.Taxonomy;
import org.figstream.records.codec.RecordSchemas;

/** The dataset card's reference part: the columns of every table, and the concept taxonomy. */
final class CardReference {
  /** The columns and the taxonomy: the same at every commit, so made once. */
  static final String REFERENCE = reference();

  private CardReference() {}

  private static String reference() {
    StringBuilder out =
        new StringBuilder(
            "## Columns of figures\n\n| column | type | description |\n|---|---|---|\n");
    columns(RecordSchemas.FIGURE_ROW, out);
    out.append("\n## Columns of articles\n\n| column | type | description |\n|---|---|---|\n");
    columns(ArticleRows.ROW, out);
    out.append(
            "\n## Delete records (deletes/figures, deletes/articles)\n\n| column | type | description |\n")
        .append("|---|---|---|\n");
    columns(RecordSchemas.DELETE_ROW, out);
    Taxonomy taxonomy = Taxonomy.biomedica();
    out.append("\n## Concept labels\n\nBIOMEDICA's taxonomy: ")
        .append(taxonomy.globals().size())
        .append(" global concepts with their local concepts; panel types ")
        .append(String.join(", ", taxonomy.panelTypes()))
        .append(".\n\n");
    taxonomy
        .globalToLocals()
        .forEach(
            (global, locals) ->
                out.append("- **")
                    .append(global)
                    .append("**")
                    .append(locals.isEmpty() ? "" : ": " + String.join(", ", locals))
                    .append('\n'));
    return out.toString();
  }

  private static void columns(Schema schema, StringBuilder out) {
    for (Schema.Field f : schema.getFields()) {
      out.append("| `")
          .append(f.name())
          .append("` | ")
          .append(type(f.schema()))
          .append(" | ")
          .append(f.doc() == null ? "" : f.doc().replace("|", "\\|"))
          .append(" |\n");
    }
  }

  private static String type(Schema s) {
    return switch (s.getType()) {
      case UNION ->
          s.getTypes().stream()
                  .filter(t -> t.getType() != Schema.Type.NULL)
                  .findFirst()
                  .map(CardReference::type)
                  .orElse("null")
              + " (nullable)";
      case ARRAY -> "list<" + type(s.getElementType()) + ">";
      case MAP -> "map<string, " + type(s.getValueType()) + ">";
      case RECORD ->
          "struct<"
              + String.join(", ", s.getFields().stream().map(Schema.Field::name).toList())
              + ">";
      case INT, LONG -> s.getLogicalType() != null ? s.getLogicalType().getName() : s.getName();
      default -> s.getType().getName();
    };
  }
}
