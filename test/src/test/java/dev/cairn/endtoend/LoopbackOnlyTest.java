package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The local stack is for the machine it runs on: nothing answers on the machine's network
 * addresses (every port of every stand-in, S3Mock's extra connector included), and nothing answers a request addressed to a foreign name that resolves to loopback
 * (DNS rebinding from a web page in the developer's browser).
 */
class LoopbackOnlyTest extends EndToEnd {

    @Test
    void noPortOfTheLocalStackAnswersOnTheMachinesNetworkAddress() throws IOException {
        Set<Integer> ports = portsOfTheLocalStack();
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            }
        }
        Optional<InetAddress> network = networkAddressOfThisMachine();
        assumeThat(network)
                .as("this machine has no non-loopback IPv4 address, so nothing can be reached from another one")
                .isPresent();

        List<String> answering = new ArrayList<>();
        for (int port : ports) {
            InetSocketAddress outside = new InetSocketAddress(network.get(), port);
            try (Socket socket = new Socket()) {
                socket.connect(outside, 2_000);
                answering.add(outside.toString());
            } catch (ConnectException refused) {
                // Nothing listens there: what this test wants.
            }
        }
        assertThat(answering).as("ports tried: " + ports).isEmpty();
    }

    @Test
    void everySocketTheLocalStackListensOnIsBoundToLoopback() throws IOException {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp")))
                .as("the listening sockets of a process are read from Linux's /proc")
                .isTrue();

        Map<Long, InetSocketAddress> listening = listeningSockets();
        List<String> open = new ArrayList<>();
        for (long inode : socketsOfTheLocalStack()) {
            InetSocketAddress address = listening.get(inode);
            if (address != null && !address.getAddress().isLoopbackAddress()) {
                open.add(address.toString());
            }
        }
        assertThat(listening).isNotEmpty();
        assertThat(open).isEmpty();
    }

    @Test
    void theApiRefusesARequestAddressedToAForeignHost() throws IOException {
        int port = stack.baseUrl().getPort();

        String refused = rawGet(port, "/api/health", "rebound.example:" + port);
        assertThat(refused)
                .startsWith("HTTP/1.1 403")
                .contains("\"code\":\"AUTH_FORBIDDEN\"")
                .contains("The local stack answers only requests addressed to localhost, 127.0.0.1 or [::1]");
        assertThat(rawGet(port, "/_local/outbox", "rebound.example")).startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "/media/images/x/thumb.jpg", "192.0.2.10:" + port))
                .startsWith("HTTP/1.1 403");

        assertThat(rawGet(port, "/api/health", "localhost:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet(port, "/api/health", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
    }

    @Test
    void dynamoDbLocalAndTheLambdaEndpointRefuseAForeignHost() throws IOException {
        int dynamoDb = stack.dynamoDbEndpoint().getPort();
        assertThat(rawGet(dynamoDb, "/", "rebound.example:" + dynamoDb)).startsWith("HTTP/1.1 403");
        assertThat(rawGet(dynamoDb, "/", "127.0.0.1:" + dynamoDb)).doesNotStartWith("HTTP/1.1 403");

        int lambda = stack.lambdaEndpoint().getPort();
        assertThat(rawGet(lambda, "/2015-03-31/functions/none/invocations", "rebound.example"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawGet(lambda, "/2015-03-31/functions/none/invocations", "localhost:" + lambda))
                .startsWith("HTTP/1.1 404");
    }

    /** A GET with the Host header as given (Java's HTTP client does not let one set it). */
    private static String rawGet(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The ports of every stand-in the test knows of (S3Mock's S3 endpoint included), and on Linux
     * every port this JVM and its child processes (S3Mock, cognito-local) listen on.
     */
    private static Set<Integer> portsOfTheLocalStack() throws IOException {
        Set<Integer> ports = new TreeSet<>();
        for (URI endpoint : List.of(
                stack.dynamoDbEndpoint(),
                stack.cognitoEndpoint(),
                stack.lambdaEndpoint(),
                stack.baseUrl(),
                stack.s3Endpoint())) {
            ports.add(endpoint.getPort());
        }
        if (Files.isReadable(Path.of("/proc/net/tcp"))) {
            Map<Long, InetSocketAddress> listening = listeningSockets();
            for (long inode : socketsOfTheLocalStack()) {
                InetSocketAddress address = listening.get(inode);
                if (address != null) {
                    ports.add(address.getPort());
                }
            }
        }
        return ports;
    }

    /** The inodes of the sockets this JVM and its descendants hold open (Linux). */
    private static Set<Long> socketsOfTheLocalStack() throws IOException {
        Set<Long> inodes = new HashSet<>();
        List<Long> pids = new ArrayList<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        for (long pid : pids) {
            Path fds = Path.of("/proc", Long.toString(pid), "fd");
            if (!Files.isDirectory(fds)) {
                continue;
            }
            try (Stream<Path> links = Files.list(fds)) {
                for (Path link : links.toList()) {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                        }
                    } catch (IOException gone) {
                        // Closed while listed.
                    }
                }
            }
        }
        return inodes;
    }

    /** Every listening TCP socket of the machine by inode, with its local address (Linux). */
    private static Map<Long, InetSocketAddress> listeningSockets() throws IOException {
        Map<Long, InetSocketAddress> sockets = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (!"0A".equals(fields[3])) {
                    continue; // not LISTEN
                }
                String[] local = fields[1].split(":");
                sockets.put(
                        Long.parseLong(fields[9]),
                        new InetSocketAddress(
                                InetAddress.getByAddress(procAddress(local[0])), Integer.parseInt(local[1], 16)));
            }
        }
        return sockets;
    }

    /** An address as /proc/net/tcp writes it: 32-bit words in the machine's (little-endian) order. */
    private static byte[] procAddress(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return bytes;
    }

    /** An address of one of this machine's own network interfaces that is not loopback. */
    private static Optional<InetAddress> networkAddressOfThisMachine() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
