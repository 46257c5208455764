package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parses_objects_arrays_strings_numbers_booleans_and_null() {
    Map<String, Object> parsed =
        Json.parseObject(
            "{\"a\": \"x\\\"y\\u00e9\\n\", \"n\": -12, \"d\": 1.5e2, \"t\": true, \"f\": false,"
                + " \"z\": null, \"list\": [1, {\"k\": []}]}");

    assertThat(parsed.get("a")).isEqualTo("x\"yé\n");
    assertThat(parsed.get("n")).isEqualTo(-12L);
    assertThat(parsed.get("d")).isEqualTo(150.0);
    assertThat(parsed.get("t")).isEqualTo(true);
    assertThat(parsed.get("f")).isEqualTo(false);
    assertThat(parsed).containsEntry("z", null);
    assertThat(parsed.get("list")).isEqualTo(List.of(1L, Map.of("k", List.of())));
  }

  @Test
  void writes_what_it_parses_back_to_the_same_value() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "quote \" backslash \\ tab \t control \u0001");
    value.put("number", 42);
    value.put("list", List.of("a", true));
    value.put("nothing", null);

    assertThat(Json.parse(Json.write(value)))
        .isEqualTo(Json.parseObject(Json.write(value)))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("text", "quote \" backslash \\ tab \t control \u0001")
        .containsEntry("number", 42L)
        .containsEntry("list", List.of("a", true));
  }

  @Test
  void rejects_malformed_text_with_the_offset() {
    assertThatThrownBy(() -> Json.parse("{\"a\": }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset 6");
    assertThatThrownBy(() -> Json.parse("[1, 2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end of input");
    assertThatThrownBy(() -> Json.parse("{} trailing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> Json.parseObject("[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a JSON object");
  }
}
