namespace PrivacyHoldout132.Education;

public sealed record Invigilator(string StaffId, string Name, string Email, bool TrainedAsReader, bool TrainedAsScribe);

/// <summary>Allocates trained invigilators as readers and scribes to candidates with those arrangements, one room each.</summary>
public sealed partial class ReaderScribeAllocator(
    Pseudonymizer pseudonymizer,
    ILogger<ReaderScribeAllocator> logger)
{
    private static readonly ActivitySource Source = new("Trust.Exams.SupportWorkers");
    private static readonly Meter Meter = new("Trust.Exams.SupportWorkers");
    private static readonly Histogram<int> Unallocated = Meter.CreateHistogram<int>("exams.support.unallocated");
    private readonly ExamaccessAssistDurationHistogram _duration = Meter.CreateExamaccessAssistDurationHistogram();

    public SupportWorkerAllocation? LastAllocation { get; private set; }

    public IReadOnlyList<SupportWorkerAllocation> Allocate(string centreNumber, IReadOnlyList<AccessArrangement> arrangements, IReadOnlyList<Invigilator> invigilators, IReadOnlyList<string> rooms)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("support-workers.allocate");
        activity?.SetTag("exams.rooms", rooms.Count); // clean precision-about
        activity?.SetTag("exams.readers_available", invigilators.Count(i => i.TrainedAsReader)); // clean precision-about

        var free = new Queue<Invigilator>(invigilators);
        var allocations = new List<SupportWorkerAllocation>();
        var roomIndex = 0;
        foreach (var arrangement in arrangements.Where(a => a.ArrangementCodes.Contains("reader") || a.ArrangementCodes.Contains("scribe")))
        {
            if (!free.TryDequeue(out var invigilator) || roomIndex >= rooms.Count)
            {
                logger.LogWarning("No reader or scribe left for candidate {Candidate}", arrangement.CandidateNumber); // leak TC1001 direct
                continue;
            }
            var role = arrangement.ArrangementCodes.Contains("scribe") ? "scribe" : "reader";
            var allocation = new SupportWorkerAllocation(invigilator.StaffId, invigilator.Name, arrangement.CandidateNumber, rooms[roomIndex++], role);
            allocations.Add(allocation);
            LastAllocation = allocation;
            LogAllocated(logger, invigilator.Name, allocation.Room, role); // leak TC1001 logging-objects
            LogAllocatedRedacted(logger, invigilator.Email, allocation.Room); // clean logging-objects
        }

        activity?.SetTag("exams.allocations", allocations.Count); // clean precision-about
        activity?.SetTag("exams.rooms_used", string.Join(",", allocations.Select(a => a.Room))); // clean strings
        activity?.SetTag("exams.invigilators", allocations.Select(a => pseudonymizer.ComputeExamaccessStaffId(a.StaffId)).ToArray()); // clean precision-pseudonym
        logger.LogInformation("Allocations: {Allocations}", allocations); // leak TC1001 logging-objects
        Unallocated.Record(arrangements.Count - allocations.Count, new KeyValuePair<string, object?>("centre", centreNumber)); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, centreNumber, examaccessNeed: "reader-scribe"); // clean generated-api
        return allocations;
    }

    public void AnnounceLast()
    {
        if (LastAllocation is { } last)
        {
            Activity.Current?.AddEvent(new ActivityEvent("support.last", tags: new ActivityTagsCollection { ["staff"] = last.StaffId, ["room"] = last.Room })); // leak TC1001 cross-member
            Activity.Current?.SetTag("exams.last_room", last.Room); // clean cross-member
            logger.LogInformation("Last allocation of the day: {Allocation}", LastAllocation); // leak TC1001 cross-member
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Invigilator} allocated to {Room} as {Role}")]
    private static partial void LogAllocated(ILogger logger, string invigilator, string room, string role);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Allocation sent to {InvigilatorEmail} for {Room}")]
    private static partial void LogAllocatedRedacted(ILogger logger, [PrivateData] string invigilatorEmail, string room);
}
