namespace PrivacyHoldout129.Education;

public interface IClubRoster
{
    Task<string?> StudentNumberForAthleteAsync(long athleteId, CancellationToken cancellationToken);

    Task<TokenSet?> TokensAsync(long athleteId, CancellationToken cancellationToken);

    Task SaveTokensAsync(TokenSet tokens, CancellationToken cancellationToken);

    Task RecordClubRunAsync(string studentNumber, SummaryActivity activity, CancellationToken cancellationToken);
}

/// <summary>The students' union athletics club: the activity platform's webhook tells it about members' new runs, which count towards club mileage.</summary>
public sealed class AthleticsClubWebhookHandler(
    IActivityClient client,
    IClubRoster roster,
    Pseudonymizer pseudonymizer,
    ILogger<AthleticsClubWebhookHandler> logger)
{
    private static readonly ActivitySource Source = new("Campus.AthleticsClub");
    private static readonly Meter Meter = new("Campus.AthleticsClub");
    private static readonly Histogram<double> Distance = Meter.CreateHistogram<double>("club.run.distance", "km");

    public async Task HandleAsync(WebhookEvent evt, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampussportSync(campussportSource: "strava");
        span.Activity?.SetTag("webhook.object", $"{evt.ObjectType}:{evt.AspectType}"); // clean strings
        span.Activity?.SetTag("webhook.owner", evt.OwnerId); // leak TC1001 cross-member
        logger.LogDebug("Webhook {@Event}", evt); // leak TC1001 logging-objects

        if (evt.ObjectType == "athlete" && evt.Updates.TryGetValue("authorized", out var authorized) && authorized == "false")
        {
            logger.LogInformation("Deauthorised athlete, subscription {SubscriptionId}, updates {Updates}", evt.SubscriptionId, string.Join(",", evt.Updates.Keys)); // clean precision-names
            return;
        }

        var studentNumber = await roster.StudentNumberForAthleteAsync(evt.OwnerId, cancellationToken);
        if (studentNumber is null)
        {
            span.SetCampussportOutcome("not-a-member"); // clean generated-api
            return;
        }

        span.SetCampussportStudentId(pseudonymizer.PseudonymizeCampussportStudentId(studentNumber)); // clean precision-pseudonym
        var tokens = await roster.TokensAsync(evt.OwnerId, cancellationToken) ?? throw new InvalidOperationException("no tokens");
        if (tokens.ExpiresAt < DateTimeOffset.UtcNow)
        {
            tokens = await client.RefreshAsync(tokens.RefreshToken, cancellationToken);
            await roster.SaveTokensAsync(tokens, cancellationToken);
            logger.LogDebug("Refreshed tokens {Tokens}", tokens); // leak TC1001 logging-objects
            logger.LogDebug("Refreshed tokens, new expiry {ExpiresAt}", tokens.ExpiresAt); // clean precision-about
        }

        SummaryActivity run;
        try
        {
            run = await client.GetActivityAsync(evt.ObjectId, tokens.AccessToken, cancellationToken);
        }
        catch (RateLimitExceededException ex)
        {
            span.RecordException(ex, "rate limited", includeMessage: true); // clean exceptions
            logger.LogCampussportSyncFailedEvent(campussportSource: "strava", campussportOutcome: "rate-limited", campussportNote: ex.Message); // clean generated-api
            throw;
        }
        catch (ActivityApiException ex) when (ex.StatusCode == 401)
        {
            span.SetStatus(ActivityStatusCode.Error, $"token rejected for student {studentNumber}"); // leak TC1001 strings
            throw;
        }

        if (run.Private)
        {
            span.SetCampussportOutcome("private"); // clean generated-api
            return;
        }

        await roster.RecordClubRunAsync(studentNumber, run, cancellationToken);
        span.SetCampussportActivityId(run.Id.ToString(CultureInfo.InvariantCulture)).SetCampussportSport(run.SportType).SetCampussportDistance(run.DistanceMeters); // clean precision-names
        span.Activity?.SetTag("run.name", run.Name); // leak TC1001 direct
        span.Activity?.SetTag("run.name.length", run.Name.Length); // clean precision-about
        span.Activity?.SetTag("run.start", $"{run.StartLatLng?.Lat:F5},{run.StartLatLng?.Lng:F5}"); // leak TC1001 strings
        span.Activity?.SetTag("run.start.area", $"{run.StartLatLng?.Lat:F1},{run.StartLatLng?.Lng:F1}"); // clean precision-about
        Distance.Record(run.DistanceMeters / 1000, new KeyValuePair<string, object?>("sport", run.SportType)); // clean precision-names
        logger.LogInformation("Club run recorded for {Athlete}: {Run}", evt.OwnerId, run.Id); // leak TC1001 direct
    }
}
