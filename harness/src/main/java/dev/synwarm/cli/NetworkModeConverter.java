package dev.synwarm.cli;

import dev.synwarm.runtime.NetworkMode;
import dev.synwarm.sys.UsageException;
import picocli.CommandLine;

/** {@code --network bridge|host}, any case. */
public final class NetworkModeConverter implements CommandLine.ITypeConverter<NetworkMode> {
    @Override
    public NetworkMode convert(String value) {
        try {
            return NetworkMode.parse(value);
        } catch (UsageException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
