package io.kmcp.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The executable: wires the adapters around the use cases and serves MCP over HTTP. */
@SpringBootApplication
public class KmcpApplication {

    public static void main(String[] args) {
        SpringApplication.run(KmcpApplication.class, args);
    }
}
