namespace PrivacyHoldout129.Education;

public sealed record JoinChallenge(string StudentNumber, string DisplayName, string Email, string Hall);

public sealed record StepUpload(string StudentNumber, DateOnly Day, int Steps, string Source);

public interface IChallengeDirectory
{
    Task<Challenge?> FindAsync(string challengeId, CancellationToken cancellationToken);

    Task AddParticipantAsync(string challengeId, JoinChallenge join, CancellationToken cancellationToken);
}

/// <summary>The sport centre's inter-hall step challenge: students join, their phones post daily steps, halls compete.</summary>
public static class CampusStepChallengeEndpoints
{
    private static readonly ActivitySource Source = new("Campus.StepChallenge");
    private static readonly Meter Meter = new("Campus.StepChallenge");
    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("campus.challenge.steps", "{step}");
    private static readonly Counter<long> Joins = Meter.CreateCounter<long>("campus.challenge.joins");

    public static EndpointRoutes MapStepChallenge(this EndpointRoutes routes)
    {
        routes.MapPost("/challenges/{challengeId}/join", JoinAsync);
        routes.MapPost("/challenges/{challengeId}/steps", UploadAsync);
        routes.MapGet("/challenges/{challengeId}/board", BoardAsync);
        return routes;
    }

    private static async Task<ActionResult> JoinAsync(string challengeId, JoinChallenge join, IChallengeDirectory directory, Pseudonymizer pseudonymizer, ILogger<Challenge> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampussportSync(campussportSource: "campus-app");
        span.SetCampussportChallenge(challengeId).SetCampussportStudentId(pseudonymizer.PseudonymizeCampussportStudentId(join.StudentNumber)); // clean precision-pseudonym
        var challenge = await directory.FindAsync(challengeId, cancellationToken);
        if (challenge is null)
        {
            return NotFoundResultFor(challengeId);
        }

        try
        {
            if (challenge.EndsOn < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                throw new ChallengeClosedException(challengeId, challenge.EndsOn);
            }

            await directory.AddParticipantAsync(challengeId, join, cancellationToken);
        }
        catch (ChallengeClosedException ex)
        {
            logger.LogInformation(ex, "Late join refused"); // clean exceptions
            return new BadRequestResult(ex.Message);
        }

        logger.LogInformation("{DisplayName} from {Hall} joined {Challenge}", join.DisplayName, join.Hall, challenge.Title); // leak TC1001 cross-member
        logger.LogInformation("Joined {@Challenge}", challenge); // clean logging-objects
        span.Activity?.SetTag(CampussportAttributes.Contact, join.Email); // leak TC1001 generated-api
        span.Activity?.SetTag("student.email_domain", join.Email[(join.Email.IndexOf('@') + 1)..]); // clean precision-about
        Joins.Add(1, new KeyValuePair<string, object?>("hall", join.Hall)); // clean precision-names
        return new OkResult(challenge.Id);
    }

    private static async Task<ActionResult> UploadAsync(string challengeId, StepUpload upload, ILeaderboardStore board, Pseudonymizer pseudonymizer, ILogger<Challenge> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampussportSync(campussportSource: upload.Source);
        span.SetCampussportChallenge(challengeId).SetCampussportSampleCount(upload.Steps); // clean precision-about
        if (upload.Steps > 80000)
        {
            logger.LogWarning("Implausible step count {Steps} from {StudentNumber} on {Day}", upload.Steps, upload.StudentNumber, upload.Day); // leak TC1001 cross-member
            logger.LogCampussportSyncFailedEvent(campussportSource: upload.Source, campussportOutcome: "implausible", campussportNote: $"{upload.Steps} steps on {upload.Day:O}"); // clean generated-api
            return new BadRequestResult("implausible");
        }

        var total = await board.IncrementAsync(challengeId, upload.StudentNumber, upload.Steps, cancellationToken);
        Steps.Add(upload.Steps, new KeyValuePair<string, object?>("challenge", challengeId), new KeyValuePair<string, object?>("source", upload.Source)); // clean precision-names
        Steps.Add(0, new KeyValuePair<string, object?>("participant", pseudonymizer.PseudonymizeCampussportStudentId(upload.StudentNumber).Value)); // leak TC1003 precision-pseudonym
        span.Activity?.SetTag("challenge.total", total); // clean precision-about
        span.Activity?.SetTag("challenge.upload", $"{upload.StudentNumber}/{upload.Day:yyyyMMdd}"); // leak TC1001 strings
        return new OkResult(total);
    }

    private static async Task<ActionResult> BoardAsync(string challengeId, ILeaderboardStore store, ILogger<Challenge> logger, CancellationToken cancellationToken)
    {
        var board = await store.TopAsync(challengeId, 20, cancellationToken);
        logger.LogDebug("Board {Board}", board); // clean logging-objects
        logger.LogDebug("Board rows {Rows}", board.Entries); // leak TC1001 logging-objects
        logger.LogDebug("Top value {Top}, board size {Size}", board.Entries.FirstOrDefault()?.Value, board.Size); // clean precision-about
        Activity.Current?.SetTag("board.leader", board.Entries.FirstOrDefault()?.DisplayName); // leak TC1001 cross-member
        return new OkResult(board);
    }

    private static ActionResult NotFoundResultFor(string challengeId) => new NotFoundResult($"no challenge {challengeId}");
}
