namespace PrivacyHoldout86.Media;

/// <summary>
/// The playback API writes W3C logs; a sidecar tails them and forwards a summary to the platform. The
/// playback routes are <c>/play/{titleId}/manifest.mpd?profile={profileId}&amp;token={playbackToken}</c>
/// and <c>/play/{titleId}/heartbeat</c>; the web player signs in with basic auth on the legacy TV apps,
/// so <c>cs-username</c> is the subscriber's email there.
/// </summary>
public sealed class PlaybackW3CLogs(ILogger<PlaybackW3CLogs> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Stream.W3CSidecar");
    private static readonly Meter SidecarMeter = new("Stream.W3CSidecar");
    private static readonly Counter<long> Lines = SidecarMeter.CreateCounter<long>("stream.w3c.lines");

    private string[] _fields = [];

    public static void Configure(W3CLoggerOptions options)
    {
        options.LoggingFields = W3CLoggingFields.All; // leak TC1001 direct
        options.AdditionalRequestHeaders.Add("X-Correlation-Id"); // clean precision-names
        options.AdditionalRequestHeaders.Add("X-Profile-Id"); // leak TC1001 direct
        options.LogDirectory = "/var/log/playback";
    }

    public void OnLine(string line)
    {
        if (line.StartsWith("#Fields:", StringComparison.Ordinal))
        {
            _fields = line["#Fields:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            logger.LogInformation("W3C fields {Fields}", string.Join(",", _fields)); // clean precision-names
            return;
        }

        if (line.StartsWith('#'))
        {
            return;
        }

        var values = line.Split(' ');
        var entry = _fields.Zip(values).ToDictionary(p => p.First, p => p.Second);
        var stem = entry.GetValueOrDefault("cs-uri-stem", "-");
        var query = entry.GetValueOrDefault("cs-uri-query", "-");
        var user = entry.GetValueOrDefault("cs-username", "-");
        var clientIp = entry.GetValueOrDefault("c-ip", "-");
        var status = int.TryParse(entry.GetValueOrDefault("sc-status"), out var s) ? s : 0;
        var timeTaken = double.TryParse(entry.GetValueOrDefault("time-taken"), CultureInfo.InvariantCulture, out var t) ? t : 0;

        using var activity = Source.StartActivity("w3c line");
        var route = PathNormalizer.Normalize(stem);
        activity?.SetTag("w3c.route", route); // clean precision-about
        activity?.SetTag("w3c.status", status); // clean precision-about
        activity?.SetTag("w3c.time_taken_ms", timeTaken); // clean precision-about
        activity?.SetTag("w3c.query", query); // leak TC1001 direct
        activity?.SetTag("w3c.query_keys", string.Join(",", query.Split('&').Select(p => p.Split('=')[0]))); // clean precision-names
        activity?.SetTag("w3c.user_agent", entry.GetValueOrDefault("cs(User-Agent)")); // clean precision-names

        logger.LogDebug("W3C entry {Entry}", entry); // leak TC1001 logging-objects
        logger.LogInformation("Playback {Route} {Status} in {TimeTaken} ms from {Network}", route, status, timeTaken, IpMask.Truncate(clientIp)); // clean precision-about

        if (user != "-")
        {
            activity?.SetTag("w3c.user", user); // leak TC1001 direct
            activity?.SetTag("w3c.user_domain", user.Contains('@') ? user.Split('@')[1] : null); // clean precision-about
            activity?.SetTag("w3c.user_ref", pseudonymizer.ComputeViewaccessSubscriberId(user)); // clean precision-pseudonym
            activity?.SetTag(ViewaccessAttributes.SubscriberEmail, pseudonymizer.ComputeViewaccessSubscriberId(user)); // leak TC1001 precision-pseudonym
        }

        Lines.Add(1, new("route", route), new("status", status)); // clean precision-about
        Lines.Add(1, new KeyValuePair<string, object?>("client", clientIp)); // leak TC1003 direct
        meter.CreateViewaccessRequestDurationHistogram().Record(timeTaken, route, viewaccessClientNetwork: IpMask.Truncate(clientIp)); // clean precision-about
    }
}
