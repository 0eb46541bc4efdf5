using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Transport;

/// <summary>An enforcement agent's visit for council tax arrears, with the debtor's car found by the ANPR van.</summary>
public sealed record AgentVisit(string CaseReference, string AccountNumber, string DebtorName, string DebtorAddress, string? VehiclePlate, string AgentName, string AgentBadge, decimal Arrears, string Stage);

public sealed partial class AgentVisitService(
    IEnforcementGateway enforcement,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<AgentVisitService> logger)
{
    private readonly Counter<long> _clamps = meter.CreateCounter<long>("enforcement.clamps");
    private AgentVisit? _lastRefused;
    private readonly HashSet<string> _clampedPlates = new();

    public async Task VisitAsync(AgentVisit visit, CancellationToken cancellationToken)
    {
        using var span = source.StartBinroundOperation("enforcement");
        span.SetBinroundKind("enforcement"); // clean generated-api
        span.SetBinroundResidentId(pseudonymizer.PseudonymizeBinroundResidentId(visit.AccountNumber)); // clean generated-api
        span.SetBinroundNote($"stage {visit.Stage}, arrears {visit.Arrears:F2}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("enforcement.case", visit.CaseReference); // clean precision-names
        activity?.SetTag("enforcement.stage", visit.Stage); // clean precision-names
        activity?.SetTag("enforcement.arrears", visit.Arrears); // clean precision-about
        activity?.SetTag("enforcement.account", visit.AccountNumber); // leak TC1001 direct
        activity?.SetTag("enforcement.account.last4", visit.AccountNumber[^4..]); // clean precision-about
        activity?.SetTag("enforcement.agent.name", visit.AgentName); // leak TC1001 direct
        activity?.SetTag("enforcement.agent.badge", visit.AgentBadge); // leak TC1001 direct
        activity?.SetTag("enforcement.vehicle.plate", visit.VehiclePlate); // leak TC1001 direct
        activity?.SetTag("enforcement.vehicle.area", visit.VehiclePlate?[..2]); // clean precision-about
        activity?.SetTag("enforcement.debtor_count", 1); // clean precision-names

        var profile = await enforcement.ProfileAsync(visit.AccountNumber, cancellationToken);
        activity?.SetTag("enforcement.vulnerable", profile.Vulnerable); // clean precision-about
        logger.LogInformation("Debtor profile {Profile}", profile); // clean logging-objects
        logger.LogInformation("Debtor profile {@Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Visit {Visit}", visit); // leak TC1001 logging-objects
        VisitStarted(logger, visit.CaseReference, visit.DebtorName); // clean logging-objects
        VisitStartedAt(logger, visit.CaseReference, visit.DebtorAddress); // leak TC1001 direct

        if (visit.VehiclePlate is { } plate)
        {
            _clampedPlates.Add(plate);
            _clamps.Add(1, new KeyValuePair<string, object?>("stage", visit.Stage)); // clean precision-names
            _clamps.Add(1, new KeyValuePair<string, object?>("plate", plate)); // leak TC1003 direct
            var plateKey = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(plate)))[..16];
            activity?.SetTag("enforcement.plate.key", plateKey); // leak TC1002 hashes
            var plateRef = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.ASCII.GetBytes(plate)))[..16];
            activity?.SetTag("enforcement.plate.ref", plateRef); // clean hashes
        }

        try
        {
            await enforcement.RecallAsync(visit.CaseReference, "visit", cancellationToken);
        }
        catch (AgentVisitRefusedException ex)
        {
            _lastRefused = visit;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Visit refused on case {Case}: {Type}", visit.CaseReference, ex.GetType().Name); // clean exceptions
            meter.CreateBinroundOperationsCounter().Add(1, "enforcement", "refused"); // clean generated-api
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogError("Account missing: {Error}", ex.Message); // leak TC1001 exceptions
            logger.LogError("Account missing on case {Case}", visit.CaseReference); // clean exceptions
        }
    }

    public void Debrief()
    {
        logger.LogInformation("Last refused visit at {Address}", _lastRefused?.DebtorAddress); // leak TC1001 cross-member
        logger.LogInformation("Last refused visit case {Case}", _lastRefused?.CaseReference); // clean cross-member
        Activity.Current?.SetTag("enforcement.clamped", string.Join(",", _clampedPlates)); // leak TC1001 cross-member
        Activity.Current?.SetTag("enforcement.clamped.count", _clampedPlates.Count); // clean cross-member
        var summary = $"Refused: {_lastRefused?.DebtorName} owing {_lastRefused?.Arrears}";
        logger.LogInformation(summary); // leak TC1001 strings
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Visit on {CaseReference} to {DebtorName}")]
    private static partial void VisitStarted(ILogger logger, string caseReference, [PrivateData] string debtorName);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Visit on {CaseReference} at {Address}")]
    private static partial void VisitStartedAt(ILogger logger, string caseReference, string address);
}
