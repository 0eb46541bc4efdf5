namespace PrivacyHoldout155.Retail;

/// <summary>
/// Airside tills scan the boarding pass to sell duty free: the destination decides whether duty and VAT apply, and
/// the scan is kept for the customs audit.
/// </summary>
public sealed class AirsideTillBoardingPassService(
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<AirsideTillBoardingPassService> logger)
{
    private static readonly HashSet<string> DutyFreeRegions = new(StringComparer.Ordinal) { "non-eu", "channel-islands" };
    private readonly Counter<long> _scans = meter.CreateCounter<long>("till.boarding_pass.scans", "{scan}");
    private string? _lastPassengerName;
    private string _lastFlight = string.Empty;

    public bool Scan(string tillId, BoardingPassScan scan)
    {
        var passengerName = scan.Bcbp.Substring(2, 20).Trim();
        _lastPassengerName = passengerName;
        _lastFlight = scan.FlightNumber;
        using var activity = source.StartActivity("till.scan");
        activity?.SetTag("till.id", tillId); // clean precision-about
        activity?.SetTag("till.flight", scan.FlightNumber); // clean precision-about
        activity?.SetTag("till.destination", scan.Destination); // clean precision-about
        activity?.SetTag("till.bcbp", scan.Bcbp); // leak TC1001 direct
        activity?.SetTag("till.bcbp.length", scan.Bcbp.Length); // clean precision-about
        activity?.SetTag("till.passenger", passengerName); // leak TC1001 direct
        activity?.SetTag("till.shopper", pseudonymizer.Compute("shopper_name", passengerName)); // clean precision-pseudonym
        _scans.Add(1, new KeyValuePair<string, object?>("till", tillId), new KeyValuePair<string, object?>("flight", scan.FlightNumber)); // clean precision-about
        var dutyFree = DutyFreeRegions.Contains(Region(scan.Destination));
        logger.LogInformation("Scan at {Till} for {Flight}: duty free {DutyFree}", tillId, scan.FlightNumber, dutyFree); // clean precision-about
        logger.LogInformation("Scan at {Till}: {Scan}", tillId, scan); // leak TC1001 logging-objects
        return dutyFree;
    }

    public void Void(string tillId, string reason)
    {
        logger.LogWarning("Sale voided at {Till} on {Flight}: {Reason}", tillId, _lastFlight, reason); // clean cross-member
        logger.LogWarning("Sale voided at {Till} for {Passenger}", tillId, _lastPassengerName); // leak TC1001 cross-member
        Activity.Current?.SetTag("till.void.passenger", _lastPassengerName); // leak TC1001 cross-member
    }

    public void Audit(string tillId, BoardingPassScan scan)
    {
        var auditLine = BuildAuditLine(tillId, scan);
        logger.LogInformation("Customs audit {Line}", auditLine); // leak TC1001 strings
        logger.LogInformation("Customs audit {Line}", BuildCountLine(tillId, scan)); // clean strings
    }

    private static string BuildAuditLine(string tillId, BoardingPassScan scan) => $"{tillId}|{scan.FlightNumber}|{scan.Bcbp}";

    private static string BuildCountLine(string tillId, BoardingPassScan scan) => $"{tillId}|{scan.FlightNumber}|{scan.Destination}";

    private static string Region(string destination) => destination.Length == 3 && destination[0] is 'J' or 'G' ? "channel-islands" : "non-eu";
}
