package org.polyvisor.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.isa.UnknownIsaException;
import org.polyvisor.shell.view.Messages;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.ObjdumpListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polyvisor disasm}: a raw binary listed as {@code objdump -D -b binary} lists it, without the headers. */
@Command(name = "disasm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Disassemble a raw binary file, one line per instruction as objdump -D -b binary prints it.")
final class DisasmCommand implements Callable<Integer> {
    @Option(names = "--isa", required = true, paramLabel = "NAME", description = "the ISA of the code")
    String isa;

    @Option(names = "--base", paramLabel = "ADDR", converter = AddressConverter.class, defaultValue = "0",
            description = "the address of the file's first byte (hex with 0x, or decimal; default 0)")
    long base;

    @Parameters(paramLabel = "FILE", description = "the raw binary")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IsaProvider provider;
        try {
            provider = IsaCatalog.load().get(isa);
        } catch (UnknownIsaException e) {
            throw UserError.badInput(e.getMessage());
        }
        byte[] code;
        try {
            code = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            throw UserError.badInput(Files.isDirectory(file) ? file + ": is a folder" : Messages.oneLine(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String line : ObjdumpListing.lines(provider.disassembler(), code, base)) out.println(line);
        out.flush();
        return ExitCodes.OK;
    }
}
