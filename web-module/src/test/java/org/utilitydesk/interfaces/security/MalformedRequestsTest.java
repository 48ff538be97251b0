package org.utilitydesk.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;

class MalformedRequestsTest {

    private static <T extends Throwable> T thrownIn(T e, String... classes) {
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "m", null, 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void aParameterPrimeFacesOrFacesRefusesIsAMalformedRequest() {
        assertThat(MalformedRequests.malformedRequest(new FacesException(thrownIn(new IllegalArgumentException(
                "Unsupported rows per page value: -1"), "org.primefaces.component.api.UIPageableData")))).isTrue();
        assertThat(MalformedRequests.malformedRequest(thrownIn(new NumberFormatException("For input string: \"abc\""),
                "java.lang.NumberFormatException", "java.lang.Integer", "com.sun.faces.renderkit.Foo"))).isTrue();
    }

    @Test
    void anExceptionFromOurOwnCodeIsAFaultNotARefusal() {
        assertThat(MalformedRequests.malformedRequest(thrownIn(new IllegalArgumentException("bad"),
                "org.utilitydesk.interfaces.desk.AgentDesk", "org.primefaces.component.api.UIData"))).isFalse();
        assertThat(MalformedRequests.malformedRequest(thrownIn(new IllegalStateException("broken"),
                "org.primefaces.component.api.UIData"))).isFalse();
        assertThat(MalformedRequests.malformedRequest(new FacesException(thrownIn(new NullPointerException(),
                "org.primefaces.component.api.UIData")))).isFalse();
    }

    @Test
    void aFilePrimeFacesRefusesAsItReadsTheRequestIsARefusedUpload() {
        assertThat(MalformedRequests.refusedUpload(new FacesException(thrownIn(new jakarta.faces.validator.ValidatorException(
                new jakarta.faces.application.FacesMessage("File Error")), "org.primefaces.util.FileUploadUtils")))).isTrue();
        assertThat(MalformedRequests.refusedUpload(thrownIn(new jakarta.faces.validator.ValidatorException(
                new jakarta.faces.application.FacesMessage("x")), "org.utilitydesk.interfaces.desk.ArticleEditor"))).isFalse();
        assertThat(MalformedRequests.refusedUpload(thrownIn(new IllegalStateException("x"), "org.primefaces.util.FileUploadUtils")))
                .isFalse();
    }
}
