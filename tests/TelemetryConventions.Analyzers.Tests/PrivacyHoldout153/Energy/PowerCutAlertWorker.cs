namespace PrivacyHoldout153.Energy;

/// <summary>Calls registered households in a power cut, most urgent needs first, and sends an engineer with a generator where needed.</summary>
public sealed class PowerCutAlertWorker(
    IQueueReceiver<PowerCut> cuts,
    IPriorityRegister register,
    IOutboundCaller caller,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PowerCutAlertWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("HighStreet.Power.Alerts");
    private static readonly Meter Meter = new("HighStreet.Power.Alerts");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("psr.alert.calls");

    private readonly List<AffectedHousehold> _unanswered = [];
    private string? _lastUnansweredMeter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var cut = await cuts.ReceiveAsync(stoppingToken);
            if (cut is null)
            {
                continue;
            }

            using var span = Source.StartPsrOperation(cut.Region);
            span.SetPsrSiteCount(cut.HouseholdsAffected); // clean precision-about
            Activity.Current?.SetTag("psr.incident", cut.IncidentId); // clean precision-names
            var households = await register.AffectedAsync(cut.IncidentId, stoppingToken);
            foreach (var household in households.OrderBy(h => h.NeedCode == "oxygen" ? 0 : 1))
            {
                var answered = await caller.CallAsync(household.Phone, "psr-power-cut", stoppingToken);
                Meter.CreatePsrAlertsCounter().Add(1, cut.Region, psrOutcome: answered ? "answered" : "unanswered"); // clean generated-api
                Calls.Add(1, new KeyValuePair<string, object?>("psr.need", household.NeedCode), new KeyValuePair<string, object?>("psr.answered", answered)); // clean precision-about
                if (!answered)
                {
                    _unanswered.Add(household);
                    _lastUnansweredMeter = household.MeterSerial;
                    Calls.Add(0, new KeyValuePair<string, object?>("psr.meter", household.MeterSerial)); // leak TC1003 direct
                    Activity.Current?.AddEvent(new ActivityEvent("psr.call.unanswered", tags: new ActivityTagsCollection { ["need"] = household.NeedCode, ["shard"] = ShardOf(household.AccountNumber) })); // clean hashes
                    Activity.Current?.AddEvent(new ActivityEvent("psr.call.unanswered.account", tags: new ActivityTagsCollection { ["account"] = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(household.AccountNumber))) })); // leak TC1002 hashes
                }
            }

            Summarise(cut);
        }
    }

    private int ShardOf(string accountNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(accountNumber))[0] % 16;

    private void Summarise(PowerCut cut)
    {
        logger.LogInformation("{Incident}: {Unanswered} registered households did not answer", cut.IncidentId, _unanswered.Count); // clean cross-member
        logger.LogWarning("Unanswered households: {Households}", _unanswered); // leak TC1001 cross-member
        logger.LogWarning("Last unanswered meter {MeterSerial}", _lastUnansweredMeter); // leak TC1001 cross-member
        logger.LogWarning("Unanswered needs: {Needs}", string.Join(",", _unanswered.Select(h => h.NeedCode).Distinct())); // clean cross-member
        _unanswered.Clear();
    }

    private const string EngineerDeskLine = "0800 000 0000";

    public async Task DispatchAsync(EngineerVisit visit, PowerCut cut, CancellationToken cancellationToken)
    {
        using var span = Source.StartPsrOperation(cut.Region);
        span.SetPsrEngineerId(pseudonymizer.PseudonymizePsrEngineerId(visit.EngineerStaffId)); // clean generated-api
        span.SetPsrCustomerId(pseudonymizer.PseudonymizePsrCustomerId(visit.AccountNumber)); // clean generated-api
        span.SetPsrNote($"Generator visit {visit.VisitId} for incident {cut.IncidentId}"); // clean generated-api
        span.SetPsrNote($"Generator visit for account {visit.AccountNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("psr.engineer", visit.EngineerStaffId); // leak TC1001 direct
        Activity.Current?.SetBaggage("psr.engineer", pseudonymizer.ComputePsrEngineerId(visit.EngineerStaffId)); // clean precision-pseudonym
        Meter.CreatePsrRestoreDurationHistogram().Record((cut.EstimatedRestore - DateTimeOffset.UtcNow).TotalSeconds, cut.Region); // clean generated-api
        if (!await caller.CallAsync(EngineerDeskLine, $"generator:{visit.VisitId}", cancellationToken))
        {
            var ex = new CallFailedException(EngineerDeskLine);
            logger.LogWarning(ex, "Engineer desk did not answer for visit {VisitId}", visit.VisitId); // clean exceptions
        }
    }
}
