package dev.synwarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Bad input stops calibrate before anything is built: one line naming the value, exit 2. */
class CalibrateCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--one-way -5ms               | '-5ms'",
        "--one-way 20                 | '20' needs a unit",
        "--one-way 11s                | one-way delay 11s is more than 10s",
        "--one-way 5ms --jitter 6ms   | jitter 6ms is larger than the one-way delay 5ms",
        "--one-way 5ms --loss 101     | loss 101.0% is not between 0 and 100",
        "--one-way 5ms --emulator ns3 | emulator 'ns3' is not one of auto, netem, delayline",
        "--profile moon               | profile 'moon' is not one of",
        "--samples 10                 | give --one-way",
        "--one-way 5ms --samples 0    | --samples 0: must be at least 1",
        "--one-way 5ms --client-wait nap | --client-wait: wait 'nap' is not one of spin, busy, block",
        "--one-way 5ms --client-wait spin,spin | --client-wait: wait 'spin' is given twice in 'spin,spin'",
        "--one-way 5ms --server-wait fast | --server-wait: wait 'fast' is not one of spin, busy, block",
        "--one-way 5ms --json --markdown | --json and --markdown: give one of them",
        "--one-way 5ms,7 | '7' needs a unit",
        "--one-way 5ms,20ms --jitter 6ms | jitter 6ms is larger than the one-way delay 5ms",
    })
    void badValuesGiveOneLineAndExit2(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] argv = ("calibrate " + args.strip()).split("\\s+");

        int code = cl.execute(argv);

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains(message);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }
}
