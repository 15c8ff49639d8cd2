package dev.synwarm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synwarm.sys.SystemException;
import org.junit.jupiter.api.Test;

class DockerApiVersionTest {
    private static DockerApiVersion v(String s) {
        return DockerApiVersion.parse(s);
    }

    @Test
    void debianDocker2010GetsItsOwnVersion() {
        assertThat(DockerApiVersion.negotiate(v("1.12"), v("1.41"))).hasToString("1.41");
    }

    @Test
    void currentEnginesAreCappedAtTheClientsNewest() {
        assertThat(DockerApiVersion.negotiate(v("1.24"), v("1.51"))).isEqualTo(DockerApiVersion.CLIENT_MAX);
        assertThat(DockerApiVersion.negotiate(v("1.44"), v("1.52"))).hasToString("1.44");
    }

    @Test
    void anEngineThatOutgrewTheClientIsAnError() {
        assertThatThrownBy(() -> DockerApiVersion.negotiate(v("1.45"), v("1.52"))).isInstanceOf(SystemException.class);
        assertThatThrownBy(() -> v("one.four")).isInstanceOf(SystemException.class);
    }

    @Test
    void ordersNumericallyNotLexically() {
        assertThat(v("1.9")).isLessThan(v("1.10"));
    }
}
