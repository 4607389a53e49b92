# VETRIC's container image: built from source in a first stage, run from the jar's layers as a user that is not
# root. Not built on the machine this repository is tested on (no Docker there); PackagingTest checks this file
# against the application's settings.
#   docker build -t vetric .
#   docker run -p 8080:8080 -e VETRIC_DB_URL=... -e VETRIC_DB_USERNAME=... (see deploy/compose.yaml) vetric

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -ntp -q -DskipTests package \
    && cp target/vetric-*.jar vetric.jar \
    && java -Djarmode=tools -jar vetric.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
# curl for the health check only
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 vetric \
    && useradd --system --uid 10001 --gid vetric --home-dir /app --shell /usr/sbin/nologin vetric \
    && mkdir -p /app/data \
    && chown vetric:vetric /app/data
WORKDIR /app
# least changing first: a new build of VETRIC alone replaces only the last layer
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
ENV VETRIC_PORT=8080 \
    VETRIC_DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1"
EXPOSE 8080
VOLUME /app/data
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
