package dev.cairn.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * DynamoDB Local, embedded: in memory, or in files under a folder that survive restarts. It listens
 * on loopback only and answers only requests addressed to a loopback name, like the other
 * stand-ins: its own command line has no listen address, so its Jetty server is set up here.
 */
final class DynamoDbLocal implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocal(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** How often a start is tried on another port when the free port found was taken before the bind. */
    private static final int ATTEMPTS = 3;

    static DynamoDbLocal start(Path dataDir) {
        for (int attempt = 1; ; attempt++) {
            int port = Ports.free();
            String[] args = dataDir == null
                    ? new String[] {"-inMemory", "-port", Integer.toString(port)}
                    : new String[] {"-sharedDb", "-dbPath", dataDir.toString(), "-port", Integer.toString(port)};
            DynamoDBProxyServer server = null;
            try {
                server = ServerRunner.createServerFromCommandLineArgs(args);
                loopbackOnly(jettyOf(server));
                server.start();
                return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
            } catch (Exception e) {
                stopQuietly(server);
                // Between finding a free port and binding it, another process may take it.
                if (attempt < ATTEMPTS && bindFailed(e)) {
                    continue;
                }
                throw new IllegalStateException("Cannot start DynamoDB Local: " + e.getMessage(), e);
            }
        }
    }

    private static boolean bindFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException
                    || (cause.getMessage() != null && cause.getMessage().contains("Failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server == null) {
            return;
        }
        try {
            server.stop();
        } catch (Exception ignored) {
            // It never started: nothing to stop.
        }
    }

    private static void loopbackOnly(Server jetty) {
        for (Connector connector : jetty.getConnectors()) {
            if (!(connector instanceof ServerConnector listening)) {
                throw new IllegalStateException("DynamoDB Local has an unexpected connector: " + connector);
            }
            listening.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        }
        jetty.setHandler(new LoopbackHostsOnly(jetty.getHandler()));
    }

    /** The Jetty server DynamoDB Local builds and keeps to itself (no accessor). */
    private static Server jettyOf(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(server);
    }

    /** Refuses a request whose {@code Host} is not a loopback name (see {@link LoopbackHosts}). */
    private static final class LoopbackHostsOnly extends Handler.Wrapper {
        LoopbackHostsOnly(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (LoopbackHosts.allowed(request.getHeaders().get(HttpHeader.HOST))) {
                return super.handle(request, response, callback);
            }
            Response.writeError(request, response, callback, 403, LoopbackHosts.REFUSED);
            return true;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop DynamoDB Local", e);
        }
    }
}
