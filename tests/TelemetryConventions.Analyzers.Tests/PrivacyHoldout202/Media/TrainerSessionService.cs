namespace PrivacyHoldout202.Media;

public sealed record VideoPtBooking(string SubscriberId, string SubscriberEmail, string TrainerStaffId, DateTimeOffset StartsAt, string Goal);

/// <summary>A broadcaster's fitness streaming service: one-to-one personal training over video and live class joins.</summary>
public sealed partial class TrainerSessionService(
    ITrainerRoster roster,
    IMemberMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<TrainerSessionService> logger)
{
    private static readonly Counter<long> Sessions = new Meter("studiolive.pt").CreateCounter<long>("studiolive.pt.sessions");
    private Trainer? _lastBusyTrainer;
    private readonly Dictionary<string, List<string>> _clientsByTrainer = new();

    public async Task<PtSession?> BookAsync(VideoPtBooking booking, CancellationToken cancellationToken)
    {
        using var span = source.StartStudioliveOperation("pt-video");
        span.SetStudioliveMemberId(pseudonymizer.PseudonymizeStudioliveMemberId(booking.SubscriberId)); // clean precision-pseudonym
        span.SetStudioliveActivity("pt"); // clean precision-about
        span.SetStudioliveMinutes(45); // clean generated-api
        span.SetStudioliveNote($"goal: {booking.Goal}"); // leak TC1001 generated-api
        Activity.Current?.SetTag(StudioliveAttributes.Contact, booking.SubscriberEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("pt.trainer_id", booking.TrainerStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("pt.trainer_pseudonym", pseudonymizer.Compute("trainer", booking.TrainerStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("pt.starts_hour", booking.StartsAt.Hour); // clean precision-about
        Activity.Current?.SetTag("pt.goal_length", booking.Goal.Length); // clean precision-about
        Activity.Current?.SetTag("subscriber.email_domain", booking.SubscriberEmail.Split('@')[1]); // clean precision-about
        try
        {
            var trainer = await roster.TrainerAsync(booking.TrainerStaffId, cancellationToken);
            logger.LogInformation("Trainer {Trainer}", trainer); // leak TC1001 logging-objects
            logger.LogInformation("Trainer specialisms {Count}", trainer.Specialisms.Count); // clean precision-about
            logger.LogInformation("Trainer {@Trainer}", new { trainer.Specialisms }); // clean logging-objects
            var session = await roster.BookSessionAsync(trainer.StaffId, booking.SubscriberId, booking.StartsAt, cancellationToken);
            if (!_clientsByTrainer.TryGetValue(trainer.StaffId, out var clients))
            {
                _clientsByTrainer[trainer.StaffId] = clients = new List<string>();
            }

            clients.Add(booking.SubscriberId);
            logger.LogInformation("PT session {SessionId} for {Minutes} minutes", session.SessionId, session.Minutes); // clean precision-names
            logger.LogInformation("PT session {Session}", session); // leak TC1001 logging-objects
            Sessions.Add(1, new KeyValuePair<string, object?>("trainer", trainer.Name)); // leak TC1003 direct
            Sessions.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.PseudonymizeStudioliveMemberId(booking.SubscriberId))); // leak TC1003 precision-pseudonym
            Sessions.Add(1, new KeyValuePair<string, object?>("minutes", session.Minutes)); // clean precision-about
            meter.CreateStudioliveOperationsCounter().Add(1, "pt-video", "booked"); // clean generated-api
            Log.SessionBooked(logger, session.SessionId, trainer.Name); // clean logging-objects
            Log.TrainerEmailed(logger, trainer.Email); // leak TC1001 logging-objects
            return session;
        }
        catch (TrainerUnavailableException ex)
        {
            logger.LogWarning(ex, "Trainer unavailable for {SessionHour}", booking.StartsAt.Hour); // leak TC1001 exceptions
            span.SetStudioliveOutcome("unavailable"); // clean generated-api
            span.RecordException(ex); // clean exceptions
            logger.LogStudioliveOperationFailedEvent("pt-video", "unavailable", pseudonymizer.PseudonymizeStudioliveMemberId(booking.SubscriberId), "no slot"); // clean generated-api
            Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.type"] = ex.GetType().FullName })); // clean exceptions
            Activity.Current?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            return null;
        }
    }

    public void Report()
    {
        logger.LogInformation("Clients by trainer {Clients}", _clientsByTrainer); // leak TC1001 cross-member
        logger.LogInformation("Trainers with clients {Count}", _clientsByTrainer.Count); // clean cross-member
        logger.LogInformation("Clients per trainer {Counts}", _clientsByTrainer.Values.Select(v => v.Count).ToArray()); // clean cross-member
        logger.LogInformation("Last busy trainer {Name}", _lastBusyTrainer?.Name); // leak TC1001 cross-member
        var sb = new StringBuilder();
        foreach (var (trainer, clients) in _clientsByTrainer)
        {
            sb.Append(trainer).Append(':').Append(clients.Count).Append(';');
        }

        logger.LogInformation("Load {Load}", sb.ToString()); // leak TC1001 strings
        var digest = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(_lastBusyTrainer?.Email ?? "")));
        Activity.Current?.SetTag("trainer.email_md5", digest); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(_lastBusyTrainer?.Email ?? "")))[..8];
        Activity.Current?.SetTag("trainer.email_shard", keyed); // clean hashes
    }

    public void MarkBusy(Trainer trainer) => _lastBusyTrainer = trainer;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Session {SessionId} booked with {TrainerName}")]
        public static partial void SessionBooked(ILogger logger, string sessionId, [PrivateData] string trainerName);

        [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Booking confirmation sent to trainer {TrainerEmail}")]
        public static partial void TrainerEmailed(ILogger logger, string trainerEmail);
    }
}
