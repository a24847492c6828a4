package org.markpoint.infra;

import java.util.Arrays;

/**
 * Entry point of the infra exec jar: {@code java -jar infra-exec.jar kafka|mongo --port P --data DIR}.
 * One component per process, so the launcher can stop, restart and log each one on its own.
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "kafka" -> DevKafkaBroker.main(rest);
            case "mongo" -> DevMongoServer.main(rest);
            case "help", "-h", "--help" -> usage();
            default -> {
                System.err.println("unknown component: " + args[0]);
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar infra-exec.jar <component> [options]
                  kafka --port 9092 [--controller-port 9093] --data ./data/kafka
                        single-node Apache Kafka broker + KRaft controller
                        [--node-id 2 --voters 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097 --replication 3]
                        one node of a cluster
                  mongo --port 27017 --data ./data/mongo
                        MongoDB-wire server (mongo-java-server, H2 file backend)""");
    }
}
