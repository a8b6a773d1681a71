package cn.etdz.indicator.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an answer or a closing note says (up to 2000 characters). */
@Schema(name = "QueryText", description = "The text of an answer to a query (required) or of its closing note.")
public record QueryTextRequest(@Schema(example = "已核实：新厂投产 Confirmed: a new plant started production") String text) {
}
