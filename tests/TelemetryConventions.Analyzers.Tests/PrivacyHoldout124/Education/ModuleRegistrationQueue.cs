namespace PrivacyHoldout124.Education;

/// <summary>
/// Option module registration opens at 09:00 for the whole year group; the student portal puts everyone
/// through a waiting room (the visitor key is the student number) and admits in batches so the records
/// system can take the load.
/// </summary>
public sealed partial class ModuleRegistrationQueue(
    IWaitingRoomClient waitingRoom,
    ActivitySource source,
    ILogger<ModuleRegistrationQueue> logger,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private const string RoomId = "wr-module-registration";

    private readonly QuizliveWaitDurationHistogram _wait = meter.CreateQuizliveWaitDurationHistogram();
    private readonly Counter<long> _admitted = meter.CreateCounter<long>("registration.admitted");

    public async Task<QueueEntry> JoinAsync(string yearGroup, string studentNumber, string studentEmail, CancellationToken ct)
    {
        using var span = source.StartQuizliveLive(yearGroup);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["YearGroup"] = yearGroup, ["Student"] = studentNumber }); // leak TC1001 logging-objects
        var entry = await waitingRoom.EnqueueAsync(RoomId, yearGroup, studentNumber, ct);

        span.SetQuizliveQueueId(RoomId).SetQuizliveQueuePosition(entry.Position); // clean precision-about
        span.Activity?.SetTag("quizlive.student.domain", studentEmail[(studentEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag(QuizliveAttributes.StudentContact, studentEmail); // leak TC1001 generated-api
        LogJoined(logger, yearGroup, entry.Position, entry.QueueItemId); // clean precision-names
        return entry;
    }

    public async Task AdmitBatchAsync(string yearGroup, IReadOnlyList<QueueEntry> batch, CancellationToken ct)
    {
        using var span = source.StartQuizliveLive(yearGroup);
        foreach (var entry in batch)
        {
            var token = await waitingRoom.AdmitAsync(RoomId, entry.QueueItemId, ct);
            _wait.Record((DateTimeOffset.UtcNow - entry.EnteredAt).TotalSeconds, yearGroup, "admitted"); // clean precision-about
            _admitted.Add(1, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeQuizliveStudentId(entry.VisitorKey))); // leak TC1003 precision-pseudonym
            LogAdmitted(logger, entry.VisitorKey, token.ExpiresAt); // leak TC1001 cross-member
        }
        span.SetQuizliveNote($"admitted {batch.Count}, positions {batch.Min(b => b.Position)}-{batch.Max(b => b.Position)}"); // clean strings
    }

    public void Shard(string yearGroup, string studentNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var bucket = BitConverter.ToUInt16(hmac.ComputeHash(Encoding.UTF8.GetBytes(studentNumber))) % 16;
        Activity.Current?.SetTag("registration.bucket", bucket); // clean hashes
        Activity.Current?.SetTag("registration.bucket.legacy", (studentNumber.GetHashCode() & 0x7fffffff) % 16); // leak TC1002 hashes
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Joined registration queue for {YearGroup} at {Position} as {QueueItem}")]
    private static partial void LogJoined(ILogger logger, string yearGroup, int position, Guid queueItem);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Admitted {Student} to registration until {Expiry}")]
    private static partial void LogAdmitted(ILogger logger, string student, DateTimeOffset expiry);
}
