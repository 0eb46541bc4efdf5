namespace PrivacyHoldout172.Transport;

public sealed record PenaltyAppeal(string PcnNumber, string FleetNumber, string Council, string DriverStaffNumber, string Grounds, decimal Amount);

/// <summary>
/// The operator appeals bus lane and parking penalty charge notices issued to its buses: the legal team's worker
/// files each appeal with the traffic tribunal's e-filing service. Buses are the operator's vehicles, not people's.
/// </summary>
public sealed class PenaltyAppealFilingWorker(
    IQueueReceiver<PenaltyAppeal> appeals,
    IEfilingPortal portal,
    ILogger<PenaltyAppealFilingWorker> logger,
    LegalOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("BusOperator.Legal.Penalties");
    private static readonly Meter Meter = new("BusOperator.Legal.Penalties");
    private static readonly Counter<long> Appeals = Meter.CreateCounter<long>("busoperator.legal.pcn_appeals");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var driversThisRun = new HashSet<string>();
        while (await appeals.ReceiveAsync(stoppingToken) is { } appeal)
        {
            using var activity = Source.StartActivity("FilePenaltyAppeal");
            activity?.SetTag("pcn.number", appeal.PcnNumber); // clean precision-names
            activity?.SetTag("pcn.fleet_number", appeal.FleetNumber); // clean direct
            activity?.SetTag("pcn.council", appeal.Council); // clean precision-about
            activity?.SetTag("pcn.grounds", appeal.Grounds); // clean precision-about
            Appeals.Add(1, new KeyValuePair<string, object?>("council", appeal.Council), new KeyValuePair<string, object?>("fleet_number", appeal.FleetNumber)); // clean precision-names
            driversThisRun.Add(appeal.DriverStaffNumber);

            var submission = new FilingSubmission(Guid.NewGuid().ToString("N"), appeal.PcnNumber, "Traffic Penalty Tribunal", "BusOperator Ltd", appeal.Council, "", 2);
            try
            {
                var receipt = await portal.SubmitAsync(submission, stoppingToken);
                logger.LogInformation("Appeal on {PcnNumber} filed as {SubmissionId}", appeal.PcnNumber, receipt.SubmissionId); // clean direct
                logger.LogInformation("Appeal {Submission}", submission); // clean logging-objects
            }
            catch (FilingRejectedException ex)
            {
                logger.LogWarning(ex, "Tribunal rejected appeal on {PcnNumber}", appeal.PcnNumber); // clean exceptions
                activity?.SetTag("error.type", nameof(FilingRejectedException)); // clean exceptions
            }

            var who = WhoDrove(appeal);
            activity?.SetTag("pcn.driver", who); // leak TC1001 cross-member
        }

        logger.LogInformation("Filed appeals for {DriverCount} drivers", driversThisRun.Count); // clean precision-names
        logger.LogInformation("Drivers this run: {Drivers}", driversThisRun); // leak TC1001 logging-objects
        var roster = new StringBuilder();
        foreach (var staffNumber in driversThisRun)
        {
            roster.Append(staffNumber).Append(' ');
        }

        logger.LogDebug("Roster {Roster}", roster.ToString()); // leak TC1001 strings
        logger.LogDebug("Run summary {Summary}", $"{driversThisRun.Count} drivers, {options.LimitationWarningDays} days"); // clean strings
        logger.LogInformation("Limitation warnings at {Days} days", options.LimitationWarningDays); // clean precision-about
    }

    private static string WhoDrove(PenaltyAppeal appeal) => "staff:" + appeal.DriverStaffNumber;
}
