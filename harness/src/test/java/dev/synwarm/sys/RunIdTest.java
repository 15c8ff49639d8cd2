package dev.synwarm.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunIdTest {
    @Test
    void namesFitAnInterfaceNameAndParseBack() {
        RunId id = RunId.random();
        String veth = id.name("cw");
        assertThat(veth.length()).isLessThanOrEqualTo(15);
        assertThat(RunId.ofName(veth)).contains(id);
        assertThat(RunId.ofName(id.name(""))).contains(id);
    }

    @Test
    void ignoresNamesThatAreNotOurs() {
        assertThat(RunId.ofName("eth0")).isEmpty();
        assertThat(RunId.ofName("sw-toolong-c")).isEmpty();
        assertThat(RunId.ofName("docker0")).isEmpty();
    }

    @Test
    void aDeadOwnerIsNotLive() {
        RunId id = RunId.random();
        assertThat(Ownership.isLive(id)).isFalse();
    }
}
