package org.utilitydesk.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

class BinaryContentTypeTest {

    @Test
    void textAndTypesNamingTheirCharsetKeepIt() {
        assertThat(BinaryContentType.textual(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(BinaryContentType.textual(MediaType.valueOf("application/json"))).isTrue();
        assertThat(BinaryContentType.textual(MediaType.valueOf("application/problem+json"))).isTrue();
        assertThat(BinaryContentType.textual(MediaType.valueOf("application/octet-stream;charset=UTF-8"))).isTrue();
    }

    @Test
    void picturesDocumentsAndDownloadsAreBinary() {
        assertThat(BinaryContentType.textual(MediaType.valueOf("image/png"))).isFalse();
        assertThat(BinaryContentType.textual(MediaType.valueOf("image/jpeg"))).isFalse();
        assertThat(BinaryContentType.textual(MediaType.valueOf("application/pdf"))).isFalse();
        assertThat(BinaryContentType.textual(MediaType.valueOf("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).isFalse();
        assertThat(BinaryContentType.textual(MediaType.APPLICATION_OCTET_STREAM_TYPE)).isFalse();
    }
}
