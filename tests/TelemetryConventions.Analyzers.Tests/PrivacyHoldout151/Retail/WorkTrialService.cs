namespace PrivacyHoldout151.Retail;

/// <summary>Sector-based work academy trials: the jobcentre refers claimants for a few unpaid days in a store before an interview.</summary>
public sealed partial class WorkTrialService(
    IJobcentreDiary diary,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<WorkTrialService> logger)
{
    private readonly Counter<long> _trials = meter.CreateCounter<long>("worktrials.booked");

    public async Task BookAsync(WorkTrial trial, CancellationToken cancellationToken)
    {
        using var span = source.StartSupportfundOperation(trial.StoreCode);
        using var scope = logger.BeginScope("Work trial {TrialId} at {Store}", trial.TrialId, trial.StoreCode); // clean logging-objects
        using var candidateScope = logger.BeginScope("Candidate {Candidate}", trial.CandidateName); // leak TC1001 logging-objects
        span.SetSupportfundCandidateId(pseudonymizer.PseudonymizeSupportfundCandidateId(trial.Nino)); // clean precision-pseudonym
        span.SetSupportfundItemCount(trial.Days); // clean precision-about
        Activity.Current?.SetTag("worktrial.id", trial.TrialId); // clean precision-names
        Activity.Current?.SetTag("worktrial.candidate.nino", trial.Nino); // leak TC1001 direct
        Activity.Current?.SetTag("worktrial.candidate.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(trial.Nino.ToUpperInvariant())))[..16]); // leak TC1002 hashes
        _trials.Add(1, new KeyValuePair<string, object?>("store", trial.StoreCode), new KeyValuePair<string, object?>("days", trial.Days)); // clean precision-about

        try
        {
            var appointment = await diary.BookAsync(trial.Nino, trial.StoreCode, DateTimeOffset.UtcNow.AddDays(7), cancellationToken);
            Activity.Current?.SetTag("worktrial.appointment.id", appointment.AppointmentId); // clean precision-names
            Activity.Current?.SetTag("worktrial.appointment.channel", appointment.Channel); // clean precision-about
            Activity.Current?.SetTag("worktrial.booking", $"{appointment.Office}/{appointment.WorkCoachStaffId}"); // leak TC1001 strings
            LogBooked(logger, trial.TrialId, appointment.Office, appointment.At); // clean precision-names
            LogBookedFor(logger, trial.CandidateName, appointment.At); // clean logging-objects
        }
        catch (CommitmentNotAcceptedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetSupportfundOutcome("no-commitment"); // clean generated-api
            logger.LogSupportfundOperationFailedEvent(trial.StoreCode, "no-commitment", supportfundNote: ex.Message); // leak TC1001 exceptions
        }
    }

    public void OnVacancyClosed(VacancyClosedException ex, string store)
    {
        logger.LogSupportfundOperationFailedEvent(store, "vacancy-closed", supportfundNote: ex.Message); // clean exceptions
        Activity.Current?.AddException(ex); // clean exceptions
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work trial {TrialId} booked at {Office} for {At}")]
    private static partial void LogBooked(ILogger logger, string trialId, string office, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Work trial booked for {CandidateName} on {At}")]
    private static partial void LogBookedFor(ILogger logger, [PrivateData] string candidateName, DateTimeOffset at);
}
