namespace PrivacyHoldout188.Media;

/// <summary>A broadcaster's repository of crew fit notes, used by production managers when a crew member is off.</summary>
public sealed partial class CrewFitNoteRepository(IHrRecords hr, Pseudonymizer pseudonymizer, ILogger<CrewFitNoteRepository> logger, Meter meter, OccHealthOptions options)
{
    private static readonly ActivitySource Source = new("Broadcaster.Crew.Health");
    private static readonly Histogram<int> NoteDays = new Meter("Broadcaster.Crew").CreateHistogram<int>("crew.fitnote.days");

    private readonly List<FitNote> _pending = new();

    public string Production { get; set; } = "evening-news";

    public async Task AddAsync(FitNote note, Employee crew, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("crew.fitnote.add");
        var days = note.To.DayNumber - note.From.DayNumber + 1;
        activity?.SetTag("production", Production); // clean precision-names
        activity?.SetTag("fitnote.id", note.FitNoteId); // clean precision-names
        activity?.SetTag("fitnote.days", days); // clean precision-about
        activity?.SetTag("crew.member", crew.FullName); // leak TC1001 direct
        activity?.SetTag("crew.mobile", crew.MobileNumber); // leak TC1001 direct
        activity?.SetTag("crew.ni", crew.NiNumber); // leak TC1001 direct
        activity?.SetTag("crew.age_band", (DateTime.UtcNow.Year - crew.DateOfBirth.Year) / 10 * 10); // clean precision-about
        activity?.SetTag("fitnote.gp", note.ClinicianName); // leak TC1001 direct
        activity?.SetTag("fitnote.adjustments", note.Adjustments); // leak TC1001 direct
        activity?.SetTag("crew.member_id", pseudonymizer.ComputeCrewhealthClientId(crew.EmployeeNumber)); // clean precision-pseudonym
        _pending.Add(note);
        NoteDays.Record(days, new KeyValuePair<string, object?>("production", Production)); // clean precision-names
        NoteDays.Record(days, new KeyValuePair<string, object?>("crew", crew.FullName)); // leak TC1003 direct
        NoteDays.Record(days, new KeyValuePair<string, object?>("crew_id", pseudonymizer.ComputeCrewhealthClientId(crew.EmployeeNumber))); // leak TC1003 precision-pseudonym

        try
        {
            await hr.SaveFitNoteAsync(note, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var rejected = new FitNoteRejectedException(crew.FullName, note.Condition);
            logger.LogError(rejected, "Crew fit note {FitNoteId} not saved", note.FitNoteId); // leak TC1001 exceptions
            logger.LogError("Crew fit note {FitNoteId} not saved: {Error}", note.FitNoteId, ex.GetType().FullName); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"save failed: {rejected.Message}"); // leak TC1001 exceptions
            activity?.AddException(new ReferralNotFoundException(note.FitNoteId)); // clean exceptions
        }

        using var span = Source.StartCrewhealthOperation(Production); // clean generated-api
        span.SetCrewhealthClientId(pseudonymizer.PseudonymizeCrewhealthClientId(crew.EmployeeNumber)); // clean generated-api
        span.SetCrewhealthDays(days); // clean generated-api
        span.SetCrewhealthNote(note.Condition); // leak TC1001 generated-api
        span.SetCrewhealthOutcome(note.MayBeFit ? "may-be-fit" : "not-fit"); // clean generated-api
        logger.LogCrewhealthOperationFailedEvent(Production, "duplicate", crewhealthClientId: pseudonymizer.PseudonymizeCrewhealthClientId(crew.EmployeeNumber)); // clean generated-api
        logger.LogCrewhealthOperationFailedEvent(Production, "duplicate", crewhealthNote: $"duplicate note for {crew.EmployeeNumber}"); // leak TC1001 generated-api
    }

    public void Flush()
    {
        var builder = new StringBuilder();
        foreach (var note in _pending)
        {
            builder.Append(note.EmployeeNumber).Append(':').Append(note.To).Append(';');
        }

        Activity.Current?.SetTag("crew.pending", builder.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("crew.pending_count", _pending.Count); // clean precision-about
        Activity.Current?.SetTag("crew.pending_notes", string.Join(",", _pending.Select(n => n.FitNoteId))); // clean strings
        logger.LogInformation("Pending notes {Pending}", _pending); // leak TC1001 cross-member
        logger.LogInformation("Pending note {First}", _pending.FirstOrDefault()?.Condition); // leak TC1001 cross-member
        logger.LogInformation("Longest pending note {Days} days", _pending.Count == 0 ? 0 : _pending.Max(n => n.To.DayNumber - n.From.DayNumber)); // clean precision-about
        _pending.Clear();
    }

    public string ShardFor(Employee crew) => Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(crew.EmployeeNumber)))[..4];

    public void Route(Employee crew)
    {
        Activity.Current?.SetTag("crew.shard", ShardFor(crew)); // clean hashes
        Activity.Current?.SetTag("crew.lookup", crew.EmployeeNumber.GetHashCode() & 0xFFFF); // leak TC1002 hashes
        Activity.Current?.SetTag("crew.email_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(crew.WorkEmail.ToLowerInvariant())))); // leak TC1002 hashes
        CrewRouted(logger, crew.DepartmentCode, crew.MobileNumber); // clean logging-objects
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crew routed to {Department}, text to {Mobile}")]
    private static partial void CrewRouted(ILogger logger, string department, [PrivateData] string mobile);
}
