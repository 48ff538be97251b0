package org.utilitydesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinaryContentTypeTest {

    @Test
    void textAndTypesNamingTheirCharsetKeepIt() {
        assertThat(BinaryContentType.textual(new MediaType("text", "csv"))).isTrue();
        assertThat(BinaryContentType.textual(new MediaType("application", "json"))).isTrue();
        assertThat(BinaryContentType.textual(new MediaType("application", "problem+json"))).isTrue();
        assertThat(BinaryContentType.textual(new MediaType("application", "octet-stream", Map.of("charset", "UTF-8")))).isTrue();
    }

    @Test
    void picturesDocumentsAndDownloadsAreBinary() {
        assertThat(BinaryContentType.textual(new MediaType("image", "png"))).isFalse();
        assertThat(BinaryContentType.textual(new MediaType("image", "jpeg"))).isFalse();
        assertThat(BinaryContentType.textual(new MediaType("application", "pdf"))).isFalse();
        assertThat(BinaryContentType.textual(new MediaType("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).isFalse();
        assertThat(BinaryContentType.textual(new MediaType("application", "octet-stream"))).isFalse();
    }
}
