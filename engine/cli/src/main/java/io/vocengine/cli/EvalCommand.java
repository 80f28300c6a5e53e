package io.vocengine.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code voc eval}: the name is reserved for the evaluation harness, which is not part of this build yet. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate tagging and emotion accuracy on gold data (not available in this version).")
final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("the evaluation harness is not available in this version yet; "
                + "taxonomy examples are checked by `./voc test`", 2);
    }
}
