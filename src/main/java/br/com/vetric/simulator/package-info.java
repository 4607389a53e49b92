/**
 * CVE-PRO simulator: a faithful fake of Intelbras's CVE-PRO cloud REST API served over real HTTP on 127.0.0.1,
 * for VETRIC's demo and integration tests. Depends only on the JDK, Jackson 3 and slf4j (no other VETRIC module).
 *
 * <h2>Starting</h2>
 * {@code CveProSimulator sim = CveProSimulator.start(SimulatorConfig.demo());} (live demo: ticker, autopilot,
 * history) or {@code SimulatorConfig.quiet(instant)} (tests: frozen clock moved by {@code sim.advance(...)}).
 * The demo fleet, residents and tags come from {@code simulator/demo-condominium.json} ({@link
 * br.com.vetric.simulator.DemoCondominium#load()}).
 * {@code sim.account("name", config)} adds another account to the same server and threads, served under
 * {@code <baseUrl>/accounts/name/...} (wire API and {@code /_control} alike) with its own chargers, credentials, clock,
 * tokens, faults and counters: a benchmark can simulate hundreds of CVE-PRO accounts in one process.
 *
 * <h2>Wire API (as the real one, quirks included)</h2>
 * <ul>
 *   <li>{@code POST /api/v1/login} header {@code Api-Key}, body {@code {"email","password"}} &rarr;
 *       {@code {"token","tenantPk","tenantUuid"}}; wrong/missing key &rarr; 401 {@code E000 - Tenant Not Found};
 *       wrong credentials &rarr; 401. Tokens live {@code tokenTtl} of simulated time.</li>
 *   <li>{@code GET /api/v1/chargepoints}, {@code GET /api/v1/transaction?fromDate=yyyy-MM-dd HH:mm:ss&toDate=...}
 *       need {@code Api-Key} and {@code Authorization: <raw token>} ("Bearer " &rarr; 401). On /transaction the
 *       headers {@code Platform}, {@code X-Timezone-Offset} or a {@code timeZone} param &rarr; 401; {@code toDate}
 *       ignores its time of day (whole day included).</li>
 *   <li>{@code /api/v1/transactions}, {@code /api/v1/id-tag}, {@code /api/v1/stats/all_stats} &rarr; 404;
 *       {@code .../users_data/associated_users} &rarr; 500.</li>
 *   <li>Quirks: tags in lower case on chargers 5-6; {@code ocppIdTag: ""} with {@code ocppTagPk} on some running
 *       transactions (the same pk appears with the full tag on earlier ones); {@code energy} null while running on
 *       chargers 3 and 5; {@code Occupied} instead of Preparing/Finishing on charger 4; powerMax in W, kW or null;
 *       a transaction may appear a cycle after its connector shows Charging ({@code transactionLag}).</li>
 * </ul>
 *
 * <h2>Control endpoints (no auth, loopback only, same server)</h2>
 * Parameters go in the query string or as a flat JSON object body. A {@code charger} is a chargeBoxId, uuid,
 * description ("Garagem 1"), chargeBoxPk or 1-based index; {@code connector} defaults to 1.
 * Errors: 400 (bad parameter), 409 (action not possible in the current state).
 * <ul>
 *   <li>{@code GET /_control/state} &ndash; simulated now, chargers, transactions, counters, scenario errors</li>
 *   <li>{@code POST /_control/advance?duration=PT5M} (or {@code seconds=300})</li>
 *   <li>{@code POST /_control/plugIn?charger=&tag=[&hideIdTag=true]}, {@code /_control/startCharging},
 *       {@code /_control/suspend[?status=SuspendedEVSE]}, {@code /_control/resume},
 *       {@code /_control/stop?reason=Remote}, {@code /_control/unplug}, {@code /_control/fault?errorCode=GroundFailure},
 *       {@code /_control/clearFault}, {@code /_control/offline}, {@code /_control/online},
 *       {@code /_control/replaceCharger[?newChargeBoxId=]}, {@code /_control/setStatus?status=&errorCode=},
 *       {@code /_control/transactionLag?seconds=10}</li>
 *   <li>{@code POST /_control/inject?kind=HTTP_500|HTTP_502|HTTP_503|UNAUTHORIZED|MALFORMED_JSON|TIMEOUT|SLOW
 *       &count=2 | &seconds=30 (real time) [&delayMs=] [&path=/api/v1/transaction]}; {@code POST /_control/clear-faults}</li>
 *   <li>{@code POST /_control/expire-tokens} &ndash; every token becomes invalid (next call 401)</li>
 *   <li>{@code GET /_control/counters}, {@code POST /_control/counters/reset} &ndash; requests per path</li>
 *   <li>{@code POST /_control/scenario?resource=simulator/scenarios/normal-session.json} or a scenario JSON body</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package br.com.vetric.simulator;
