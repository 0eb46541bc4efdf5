namespace PrivacyHoldout86.Healthcare;

/// <summary>
/// Ships the nginx access log of the reverse proxy in front of the clinician results viewer into the
/// platform's logs. The proxy authenticates with basic auth, so the third field of each combined line
/// is the clinician's smartcard login. Viewer routes: <c>/results/{hospitalNumber}</c> (eight digits),
/// <c>/results/{hospitalNumber}/reports/{reportId}</c>, <c>/static/...</c>.
/// Clinicians also open the viewer from home, so the remote host is often a household's broadband address.
/// </summary>
public sealed class ClinicianProxyLogShipper(
    ILogger<ClinicianProxyLogShipper> logger,
    IQueueReceiver<string> lines,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Results.ProxyLogs");
    private static readonly Meter ShipperMeter = new("Results.ProxyLogs");
    private static readonly Counter<long> Shipped = ShipperMeter.CreateCounter<long>("results.proxy.lines");

    private string? _lastUnparsed;
    private int _parseFailures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var raw = await lines.ReceiveAsync(stoppingToken);
            if (raw is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("ship proxy line");
            CombinedLogLine line;
            try
            {
                line = CombinedLogLine.Parse(raw);
            }
            catch (AccessLogFormatException ex)
            {
                _parseFailures++;
                _lastUnparsed = ex.Line;
                logger.LogWarning("Proxy line {Count} did not parse: {Error}", _parseFailures, ex.Message); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
                activity?.AddException(ex); // leak TC1001 exceptions
                continue;
            }

            var route = PathNormalizer.Normalize(line.PathOnly);
            activity?.SetTag("proxy.route", route); // clean precision-about
            activity?.SetTag("proxy.status", line.Status); // clean precision-about
            activity?.SetTag("proxy.user", line.AuthUser); // leak TC1001 direct
            activity?.SetTag("proxy.user_present", line.AuthUser != "-"); // clean precision-about
            activity?.SetTag("proxy.target", line.Target); // leak TC1001 direct
            activity?.SetTag("proxy.referrer_host", Uri.TryCreate(line.Referer, UriKind.Absolute, out var referrer) ? referrer.Host : null); // clean precision-about
            activity?.SetBaggage("proxy.client", line.RemoteHost); // leak TC1001 direct

            logger.LogInformation("{Line}", line); // leak TC1001 logging-objects
            logger.LogInformation("Proxy {Method} {Route} {Status} {Bytes} bytes via {UserAgentFamily}", line.Method, route, line.Status, line.Bytes, UserAgentFamily.Of(line.UserAgent)); // clean precision-about

            if (line.AuthUser != "-")
            {
                logger.LogInformation("Viewer opened by {Clinician}", pseudonymizer.Compute("clinician", line.AuthUser)); // clean precision-pseudonym
            }

            Shipped.Add(1, new("status", line.Status), new("route", route)); // clean precision-about
            Shipped.Add(1, new KeyValuePair<string, object?>("client", line.RemoteHost)); // leak TC1003 direct
        }
    }

    public void ReportHealth()
    {
        logger.LogInformation("Proxy shipper has {Failures} parse failures", _parseFailures); // clean cross-member
        logger.LogInformation("Last unparsed proxy line: {Line}", _lastUnparsed); // leak TC1001 cross-member
    }
}
