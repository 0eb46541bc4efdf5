namespace PrivacyHoldout79.Retail;

/// <summary>
/// Handled errors and breadcrumbs from the shopping app. The app's payment sheet writes a
/// breadcrumb per field it validates (<c>card: 4929…</c>, <c>name on card: …</c>); its network
/// crumbs record the request path (<c>/api/customers/{customerNumber}/orders</c>).
/// </summary>
public sealed partial class ClientErrorLogs(ILogger<ClientErrorLogs> logger, ActivitySource source, Pseudonymizer pseudonymizer, Meter meter)
{
    private readonly Counter<long> _handled = meter.CreateCounter<long>("shop.app.handled_errors");
    private readonly List<Breadcrumb> _recent = new();

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "Handled {ExceptionType} in app {AppVersion} for customer {Customer}")]
    private static partial void LogHandled(ILogger logger, string exceptionType, string appVersion, [PrivateData] string customer);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Payment sheet crumb {Message}")]
    private static partial void LogPaymentCrumb(ILogger logger, string message);

    public void Accept(string batchId, CrashReport report)
    {
        using var span = source.StartCartpulseIngest(batchId);
        span.SetCartpulseOsName(report.Client.OsName); // clean precision-about
        _handled.Add(1, new KeyValuePair<string, object?>("type", report.ExceptionType), new("app_version", report.Client.AppVersion), new("os_version", report.Client.OsVersion)); // clean precision-about
        LogHandled(logger, report.ExceptionType, report.Client.AppVersion, report.UserId ?? "anonymous"); // clean precision-pseudonym

        foreach (var crumb in report.Breadcrumbs)
        {
            _recent.Add(crumb);
            if (crumb.Category == "payment")
            {
                LogPaymentCrumb(logger, crumb.Message); // leak TC1001 direct
                logger.LogCartpulseIngestRejectedEvent(batchId, "handled:payment_sheet", cartpulseNote: crumb.Message); // leak TC1001 generated-api
            }
            else if (crumb.Category == "http")
            {
                span.Activity?.AddEvent(new ActivityEvent("crumb.http", crumb.At, new ActivityTagsCollection { ["path"] = crumb.Data?.GetValueOrDefault("path"), ["status"] = crumb.Data?.GetValueOrDefault("status") })); // leak TC1001 direct
            }
        }

        span.Activity?.SetTag("crumbs.categories", string.Join(",", report.Breadcrumbs.Select(b => b.Category).Distinct())); // clean precision-about
        if (report.UserId is { } customerNumber)
        {
            span.SetCartpulseUserId(pseudonymizer.PseudonymizeCartpulseUserId(customerNumber)); // clean precision-pseudonym
        }
    }

    public void Flush()
    {
        logger.LogInformation("Flushing {Count} crumbs", _recent.Count); // clean precision-about
        logger.LogDebug("Recent crumbs: {Crumbs}", string.Join(" | ", _recent.Select(c => c.Message))); // leak TC1001 cross-member
        _recent.Clear();
    }
}
