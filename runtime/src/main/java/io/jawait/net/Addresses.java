package io.jawait.net;

import io.jawait.Awaitable;
import io.jawait.Coroutine;
import io.jawait.EventLoop;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Host name resolution that never blocks the loop: IP literals are parsed in place (no lookup
 * happens for them), other names are resolved on the loop's default executor, as asyncio's
 * {@code getaddrinfo} does.
 */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {
    }

    /** @return the addresses of {@code host}, in the resolver's order */
    static Awaitable<InetAddress[]> resolve(EventLoop loop, String host) {
        if (isLiteral(host)) {
            try {
                return Coroutine.of(new InetAddress[] {InetAddress.getByName(host)});
            } catch (UnknownHostException e) {
                return Coroutine.failed(e);
            }
        }
        return loop.runInExecutor(null, () -> InetAddress.getAllByName(host));
    }

    static boolean isLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }
}
