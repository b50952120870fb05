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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The local stack is for the machine it runs on: nothing answers on the machine's network
 * addresses, and nothing answers a request addressed to a foreign name that resolves to loopback
 * (DNS rebinding from a web page in the developer's browser).
 */
class LoopbackOnlyTest extends EndToEnd {

    @Test
    void noStandInAnswersOnTheMachinesNetworkAddress() throws IOException {
        Optional<InetAddress> network = networkAddressOfThisMachine();
        assumeThat(network).as("this machine has a non-loopback address").isPresent();

        // S3Mock is not among them: its extra Tomcat connectors (the S3 port given as http.port, and
        // the vectors ports) listen on every interface, and S3Mock has no setting for their address.
        List<String> answering = new ArrayList<>();
        for (URI endpoint :
                List.of(stack.dynamoDbEndpoint(), stack.cognitoEndpoint(), stack.lambdaEndpoint(), stack.baseUrl())) {
            InetSocketAddress outside = new InetSocketAddress(network.get(), endpoint.getPort());
            try (Socket socket = new Socket()) {
                socket.connect(outside, 2_000);
                answering.add(endpoint + " on " + outside);
            } catch (ConnectException refused) {
                // Nothing listens there: what this test wants.
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.getPort()), 2_000);
            }
        }
        assertThat(answering).isEmpty();
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
