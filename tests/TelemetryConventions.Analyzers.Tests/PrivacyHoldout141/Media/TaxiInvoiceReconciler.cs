namespace PrivacyHoldout141.Media;

/// <summary>
/// Matches each line of an account taxi firm's monthly invoice to a crew car booking, queries lines with no
/// booking or with waiting charges over the limit, and reports the month to the productions' finance team.
/// </summary>
public sealed class TaxiInvoiceReconciler(
    ICrewCarFirmClient firm,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<TaxiInvoiceReconciler> logger)
{
    private const decimal WaitingLimit = 25m;
    private readonly List<string> _queriedBadges = new();
    private TaxiInvoiceLine? _largestLine;

    public async Task<InvoiceSummary> ReconcileAsync(string invoiceNumber, string firmCode, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("crewcars.reconcile");
        activity?.SetTag("crewcars.invoice", invoiceNumber); // clean precision-names
        activity?.SetTag("crewcars.firm", firmCode); // clean precision-names

        var lines = await firm.GetInvoiceLinesAsync(invoiceNumber, cancellationToken);
        foreach (var line in lines)
        {
            if (_largestLine is null || line.Amount > _largestLine.Amount)
            {
                _largestLine = line;
            }

            var booking = await firm.FindBookingAsync(line.BookingRef, cancellationToken);
            if (booking is null)
            {
                await firm.QueryLineAsync(invoiceNumber, line.BookingRef, "no-booking", cancellationToken);
                logger.LogWarning("Invoice line without booking: {Line}", line); // leak TC1001 logging-objects
                continue;
            }

            if (line.WaitingCharge > WaitingLimit)
            {
                _queriedBadges.Add(line.DriverBadge);
                await firm.QueryLineAsync(invoiceNumber, line.BookingRef, "waiting", cancellationToken);
                activity?.AddEvent(new ActivityEvent("line.queried", tags: new ActivityTagsCollection { ["booking"] = line.BookingRef, ["waiting"] = line.WaitingCharge })); // clean precision-names
                activity?.AddEvent(new ActivityEvent("line.queried.driver", tags: new ActivityTagsCollection { ["badge"] = line.DriverBadge })); // leak TC1001 direct
            }

            if (line.FirmNote is { Length: > 0 } note)
            {
                logger.LogDebug("Firm note on {BookingRef}: {Note}", line.BookingRef, note); // leak TC1001 direct
            }

            var driverTag = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(line.DriverBadge)))[..10];
            activity?.AddEvent(new ActivityEvent("line.driver", tags: new ActivityTagsCollection { ["driver.digest"] = driverTag })); // leak TC1002 hashes
            new CrewcarsOperationSpan(activity).SetCrewcarsDriverId(pseudonymizer.PseudonymizeCrewcarsDriverId(line.DriverBadge)); // clean generated-api
        }

        var summary = new InvoiceSummary(invoiceNumber, firmCode, lines.Count, lines.Sum(l => l.Amount + l.WaitingCharge));
        logger.LogInformation("Invoice reconciled {@Summary}", summary); // clean logging-objects
        meter.CreateCrewcarsBookingsCounter().Add(lines.Count, "all-productions", "invoiced");
        return summary;
    }

    public void ReportMonth()
    {
        using var activity = source.StartActivity("crewcars.month");
        activity?.SetTag("crewcars.queried.lines", _queriedBadges.Count);
        logger.LogInformation("Drivers queried for waiting this month: {Badges}", _queriedBadges); // leak TC1001 cross-member
        if (_largestLine is not null)
        {
            activity?.SetTag("crewcars.largest.amount", _largestLine.Amount);
            activity?.SetTag("crewcars.largest.driver", _largestLine.DriverBadge); // leak TC1001 cross-member
        }

        using var hmac = new HMACSHA256(secrets.ShardKey);
        var shards = _queriedBadges.Select(b => hmac.ComputeHash(Encoding.UTF8.GetBytes(b))[0] % 8).Distinct().Count();
        activity?.SetTag("crewcars.queried.driver_shards", shards); // clean hashes
    }
}
