# The one image of the RIC suite, oranric/ric:<version>: every chart runs `/opt/ric/ric <command>`
# (e2 serve, xapps run NAME, policy serve, agent serve). Built from the repository's distribution,
# so package it first:
#   ./mvnw -B -DskipTests package -pl cli -am
#   docker build -t oranric/ric:0.1.0 .
FROM eclipse-temurin:17-jre

# The ./ric launcher and the distribution it expects beside it (cli/target/ric-cli.jar + lib/).
# RIC_SKIP_BUILD: the image holds no sources, never try to rebuild.
ENV RIC_HOME=/opt/ric \
    RIC_SKIP_BUILD=1 \
    RIC_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:MaxGCPauseMillis=5"

RUN groupadd --system --gid 10001 ric \
 && useradd --system --uid 10001 --gid ric --home-dir /opt/ric --no-create-home --shell /usr/sbin/nologin ric

COPY --chown=root:root --chmod=0755 ric /opt/ric/ric
COPY --chown=root:root cli/target/lib/ /opt/ric/cli/target/lib/
COPY --chown=root:root cli/target/ric-cli.jar /opt/ric/cli/target/ric-cli.jar

WORKDIR /opt/ric
USER 10001:10001

# E2 (SCTP, TCP and UDP), health and metrics, policy REST, agent REST/MCP.
EXPOSE 36421/sctp 36421/tcp 36421/udp 8080/tcp 8081/tcp 8082/tcp

ENTRYPOINT ["/opt/ric/ric"]
CMD ["--help"]
