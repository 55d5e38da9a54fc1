package eu.skillshub.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on loopback, until SIGTERM/SIGINT.
 *
 * Usage: java -cp ... eu.skillshub.graph.GraphLauncher --home DIR --port 7687 [--page-cache-mb 512]
 *
 * Prints "BOLT_READY host:port" on stdout once the default database accepts connections, so the
 * Node side can wait for it. Authentication is off: the connector listens on 127.0.0.1 only,
 * and a deployment that needs auth points NEO4J_URI at a real server instead.
 */
public final class GraphLauncher {
    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parse(argv);
        Path home = Path.of(args.getOrDefault("--home", "graph/data")).toAbsolutePath();
        int port = Integer.parseInt(args.getOrDefault("--port", "7687"));
        long pageCacheMb = Long.parseLong(args.getOrDefault("--page-cache-mb", "512"));
        Files.createDirectories(home);

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("SHUTTING_DOWN");
            service.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "graph-launcher-shutdown"));

        // Touch the default database so "ready" means queries will be answered, not just that the port is open.
        service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        System.out.println("BOLT_READY 127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option like --home, got " + argv[i]);
            }
            args.put(argv[i], argv[i + 1]);
        }
        return args;
    }
}
