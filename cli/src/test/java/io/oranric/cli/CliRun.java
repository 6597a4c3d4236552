package io.oranric.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One `./ric` invocation in-process, with what it printed and its exit code: what every CLI test looks at. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    CommandLine cl = Ric.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
