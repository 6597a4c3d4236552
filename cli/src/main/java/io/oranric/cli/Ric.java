package io.oranric.cli;

import io.oranric.xapp.runtime.XAppsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./ric} command line: one entry point for operators, test-bed users and CI. */
@Command(
    name = "ric",
    mixinStandardHelpOptions = true,
    versionProvider = Ric.Version.class,
    description = "O-RAN near-RT RIC xApp suite: E2 termination, xApps, policies and the intent agent.",
    subcommands = {LabCommand.class, E2Command.class, GnbsCommand.class, KafkaCommand.class, TopicsCommand.class, PolicyCommand.class,
        IntentCommand.class, AgentCommand.class, AuditCommand.class, XAppsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Ric implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // `./ric` alone shows what it can do rather than failing.
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by main and tests so both see the same behaviour. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Ric());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Operators get one readable line; the stack trace only when they ask for it.
      cmd.getErr().println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + message(e)));
      if (System.getenv("RIC_DEBUG") != null) {
        e.printStackTrace(cmd.getErr());
      } else {
        cmd.getErr().println("(set RIC_DEBUG=1 for the stack trace)");
      }
      return cmd.getExitCodeExceptionMapper() != null ? cmd.getExitCodeExceptionMapper().getExitCode(e) : 1;
    });
    return cl;
  }

  static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Ric.class.getPackage().getImplementationVersion();
      return new String[] {"ric " + (v != null ? v : "0.1.0-SNAPSHOT") + " (Java " + Runtime.version() + ")"};
    }
  }
}
