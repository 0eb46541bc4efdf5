namespace PrivacyHoldout86.Transport;

/// <summary>
/// Re-emits the API gateway's access log (combined format, one line per request) for the travel-card
/// API: <c>/cards/{cardNumber}/trips</c> and <c>/cards/{cardNumber}/top-ups</c> (card numbers are
/// sixteen digits), <c>/stops/{stopCode}/departures</c>. The gateway puts the rider's email in the
/// auth-user field for signed-in web sessions.
/// </summary>
public sealed class GatewayAccessLogs(
    ILogger<GatewayAccessLogs> logger,
    Pseudonymizer pseudonymizer,
    Meter meter,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Transit.GatewayLogs");
    private static readonly Meter GatewayMeter = new("Transit.GatewayLogs");
    private static readonly Counter<long> Requests = GatewayMeter.CreateCounter<long>("transit.gateway.requests");
    private static readonly Counter<long> Rejected = GatewayMeter.CreateCounter<long>("transit.gateway.rejected_lines");

    public void Ingest(IEnumerable<string> rawLines)
    {
        foreach (var raw in rawLines)
        {
            CombinedLogLine line;
            try
            {
                line = CombinedLogLine.Parse(raw);
            }
            catch (AccessLogFormatException ex)
            {
                Rejected.Add(1, new KeyValuePair<string, object?>("reason", ex.GetType().Name)); // clean exceptions
                logger.LogWarning(ex, "Gateway line rejected"); // leak TC1001 exceptions
                continue;
            }

            var route = PathNormalizer.Normalize(line.PathOnly);
            using var span = Source.StartRideaccessRequest(route, line.Method, startTime: line.Timestamp); // clean generated-api
            span.SetRideaccessStatus(line.Status); // clean generated-api
            span.SetRideaccessClientNetwork(IpMask.Truncate(line.RemoteHost)); // clean precision-about
            span.SetRideaccessUaFamily(UserAgentFamily.Of(line.UserAgent)); // clean precision-about

            Requests.Add(1, new("route", route), new("status", line.Status), new("ua_family", UserAgentFamily.Of(line.UserAgent))); // clean precision-about
            meter.CreateRideaccessRequestsCounter().Add(1, route, line.Status, rideaccessMethod: line.Method); // clean generated-api
            logger.LogInformation("Gateway {Method} {Route} {Status} {Bytes}", line.Method, route, line.Status, line.Bytes); // clean precision-about

            var cardMatch = Regex.Match(line.PathOnly, "^/cards/(?<card>\\d{16})/");
            if (cardMatch.Success)
            {
                var card = cardMatch.Groups["card"].Value;
                span.SetRideaccessNote($"card ending {card[^4..]}"); // clean precision-about
                span.SetRideaccessNote($"card {card}"); // leak TC1001 generated-api
                logger.LogInformation("Card request {Target} from {Client}", line.Target, line.RemoteHost); // leak TC1001 direct
                Requests.Add(1, new KeyValuePair<string, object?>("card_shard", Shard.Of(secrets.ShardKey, card, 32))); // clean hashes
                Requests.Add(1, new KeyValuePair<string, object?>("card_hash", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(card)))[..12])); // leak TC1002 hashes
            }

            if (line.AuthUser.Contains('@'))
            {
                span.SetRideaccessRiderId(pseudonymizer.PseudonymizeRideaccessRiderId(line.AuthUser)); // clean precision-pseudonym
                logger.LogDebug("Signed-in gateway line {Line}", line); // leak TC1001 logging-objects
                logger.LogDebug("Signed-in gateway user {User}", line.AuthUser); // leak TC1001 direct
            }

            if (!string.IsNullOrEmpty(line.Referer) && line.Referer != "-")
            {
                var referrer = new Uri(line.Referer);
                span.SetRideaccessNote("referred from " + referrer.Host); // clean precision-about
                logger.LogDebug("Referrer {Referrer}", line.Referer); // leak TC1001 direct
            }
        }
    }
}
