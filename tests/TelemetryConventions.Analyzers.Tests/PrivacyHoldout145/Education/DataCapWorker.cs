namespace PrivacyHoldout145.Education;

/// <summary>
/// Reads the network's usage feed for the trust's data SIMs (the topic is keyed by the SIM's ICCID), suspends a
/// SIM that passes its monthly cap, and raises the cap for pupils the school has agreed to. SIMs and tablets are
/// the trust's; a loan names the pupil who has the tablet at home.
/// </summary>
public sealed partial class DataCapWorker(
    IConsumer<string, SimUsage> usage,
    ITabletRegister register,
    ISchoolNetworkAccount account,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DataCapWorker> logger,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Tablets.DataCaps");

    private readonly Counter<long> _suspensions = meter.CreateCounter<long>("tablets.sim.suspensions", "{suspension}");
    private readonly Counter<long> _loanSuspensions = meter.CreateCounter<long>("tablets.loan.suspensions", "{loan}");
    private readonly Histogram<long> _usedMb = meter.CreateHistogram<long>("tablets.sim.used", "MB");

    private readonly HashSet<string> _suspendedPupils = new();
    private TabletLoan? _lastHeavyUser;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = usage.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var span = Source.StartSchoolsimOperation("trust-wide", "tablets.usage");
            Activity.Current?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            var sample = result.Message.Value;
            _usedMb.Record(sample.UsedMb, new KeyValuePair<string, object?>("day", sample.DayOfMonth)); // clean precision-about
            logger.LogDebug("Usage {Usage}", sample); // clean logging-objects

            if (sample.UsedMb > sample.CapMb)
            {
                await SuspendAsync(result.Message.Key, sample, stoppingToken);
            }

            usage.Commit(result);
        }
    }

    private async Task SuspendAsync(string iccid, SimUsage sample, CancellationToken ct)
    {
        var tablet = await register.FindAsync(sample.AssetTag, ct);
        var loan = await register.LoanAsync(sample.AssetTag, ct);
        await account.SuspendSimAsync(iccid, ct);
        var exceeded = new DataCapExceededException(sample.AssetTag, sample.UsedMb);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, exceeded.Message); // clean exceptions
        logger.LogWarning(exceeded, "SIM {Iccid} suspended at {School}", iccid, tablet?.School); // clean exceptions
        _suspensions.Add(1, new KeyValuePair<string, object?>("school", tablet?.School), new KeyValuePair<string, object?>("model", tablet?.Model)); // clean precision-about
        meter.CreateSchoolsimAlertsCounter().Add(1, tablet?.School ?? "unknown", "suspended"); // clean generated-api

        if (loan is not null)
        {
            _suspendedPupils.Add(loan.StudentNumber);
            if (_lastHeavyUser is null || sample.UsedMb > sample.CapMb * 2)
            {
                _lastHeavyUser = loan;
            }

            Activity.Current?.SetTag("tablets.loan.pupil", pseudonymizer.ComputeSchoolsimPupilId(loan.StudentNumber)); // clean precision-pseudonym
            _loanSuspensions.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.ComputeSchoolsimPupilId(loan.StudentNumber))); // leak TC1003 precision-pseudonym
            LogSuspendedForPupil(logger, sample.AssetTag, loan.StudentNumber); // leak TC1001 logging-objects
            var lane = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(loan.StudentNumber))) % 8;
            Activity.Current?.SetTag("tablets.loan.lane", lane); // leak TC1002 hashes
            var keyedLane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(loan.StudentNumber))[0] % 8;
            _loanSuspensions.Add(1, new KeyValuePair<string, object?>("keyed.lane", keyedLane)); // clean hashes
        }
    }

    public async Task RaiseCapAsync(string assetTag, long capMb, string approvedByStaffEmail, CancellationToken ct)
    {
        var tablet = await register.FindAsync(assetTag, ct) ?? throw new InvalidOperationException($"Unknown tablet {assetTag}");
        await account.RaiseCapAsync(tablet.Iccid, capMb, ct);
        LogCapRaised(logger, assetTag, capMb, approvedByStaffEmail); // clean logging-objects
        logger.LogInformation("Cap raised on SIM {Iccid} ({Msisdn}) to {CapMb} MB", tablet.Iccid, tablet.DataMsisdn, capMb); // clean precision-names
        Activity.Current?.SetTag("tablets.cap.approved_by", approvedByStaffEmail); // leak TC1001 direct
    }

    public void ReportWeek()
    {
        logger.LogInformation("Pupils whose SIM was suspended this week: {Pupils}", _suspendedPupils); // leak TC1001 cross-member
        logger.LogInformation("Heaviest user this week: {Loan}", _lastHeavyUser); // leak TC1001 cross-member
        logger.LogInformation("Heaviest user this week borrowed {AssetTag}", _lastHeavyUser?.AssetTag); // clean cross-member
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Tablet {AssetTag} on loan to {StudentNumber} suspended")]
    private static partial void LogSuspendedForPupil(ILogger logger, string assetTag, string studentNumber);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Cap on {AssetTag} raised to {CapMb} MB, approved by {ApprovedBy}")]
    private static partial void LogCapRaised(ILogger logger, string assetTag, long capMb, [PrivateData] string approvedBy);
}
