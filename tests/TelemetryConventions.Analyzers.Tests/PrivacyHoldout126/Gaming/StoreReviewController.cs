namespace PrivacyHoldout126.Gaming;

/// <summary>A review of a game on the studio's store page, with the playtime the client reports.</summary>
public sealed record StoreReviewForm(string TitleId, bool Recommended, string Text, string Language);

public sealed record ReviewBombSignal(string TitleId, int NegativeLastHour, int Baseline, IReadOnlyList<Guid> Accounts);

[ApiController]
[Route("api/titles/{titleId}/reviews")]
public sealed class StoreReviewController(
    IReviewPlatform platform,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<StoreReviewController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Game.StoreReviews");
    private static readonly Meter Meter = new("Game.StoreReviews");
    private static readonly Counter<long> Reviews = Meter.CreateCounter<long>("store.reviews");

    [HttpPost("")]
    public async Task<ActionResult> Post([FromBody] StoreReviewForm form, double playtimeHours, string gamertag)
    {
        var playerId = Guid.Parse(HttpContext.User.SubjectId!);
        using var span = Source.StartWorkshopSubmit("pending")
            .SetWorkshopItem(form.TitleId) // clean precision-names
            .SetWorkshopRating(form.Recommended ? 5 : 1) // clean precision-about
            .SetWorkshopAuthorId(pseudonymizer.PseudonymizeWorkshopAuthorId(playerId.ToString())); // clean precision-pseudonym

        span.Activity?.SetTag("store.review.playtime_hours", Math.Round(playtimeHours)); // clean precision-about
        span.Activity?.SetTag("store.review.language", form.Language); // clean precision-about
        span.Activity?.SetTag("store.review.text", form.Text); // leak TC1001 direct
        Reviews.Add(1, new KeyValuePair<string, object?>("title", form.TitleId), new("recommended", form.Recommended)); // clean precision-names
        Reviews.Add(1, new KeyValuePair<string, object?>("reviewer", gamertag)); // leak TC1003 direct

        var review = await platform.SubmitReviewAsync(new ReviewSubmission(form.TitleId, playerId.ToString(), gamertag, null, form.Recommended ? 5 : 1, string.Empty, form.Text));
        span.SetWorkshopReviewId(review.Id); // clean precision-names
        logger.LogInformation("Review {ReviewId} on {Title} by {Gamertag} after {Hours:0} h", review.Id, form.TitleId, gamertag, playtimeHours); // leak TC1001 direct
        var cohort = BitConverter.ToUInt64(SHA256.HashData(playerId.ToByteArray())) % 100;
        span.Activity?.SetTag("store.review.cohort", cohort); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(secrets.ShardKey, playerId.ToByteArray())[0] % 100;
        span.Activity?.SetTag("store.review.sample", keyed); // clean hashes
        return Ok(review.Id);
    }

    public void OnReviewBomb(ReviewBombSignal signal)
    {
        using var activity = Source.StartActivity("store.review_bomb");
        activity?.SetTag("store.title", signal.TitleId); // clean precision-names
        activity?.SetTag("store.negative_last_hour", signal.NegativeLastHour); // clean precision-about
        activity?.SetTag("store.accounts", signal.Accounts.Count); // clean precision-about
        logger.LogWarning("Review bomb on {Title}: {Signal}", signal.TitleId, signal); // clean logging-objects
        logger.LogWarning("Review bomb accounts {Accounts}", string.Join(",", signal.Accounts)); // leak TC1001 strings
        activity?.AddEvent(new ActivityEvent("store.review_bomb.sample", tags: new ActivityTagsCollection { ["accounts"] = signal.Accounts.Take(5).Select(a => pseudonymizer.ComputeWorkshopAuthorId(a.ToString())).ToArray() })); // clean precision-pseudonym
    }

    public async Task RespondAsDeveloperAsync(string reviewId, string developerEmail, string text)
    {
        using var span = Source.StartWorkshopModerate(reviewId).SetWorkshopVerdict("responded"); // clean generated-api
        span.SetWorkshopModeratorId(pseudonymizer.PseudonymizeWorkshopModeratorId(developerEmail)); // clean precision-pseudonym
        span.Activity?.SetTag("store.developer", developerEmail); // leak TC1001 direct
        var answer = await platform.AnswerAsync(reviewId, developerEmail, "Developer", text, asBrand: true);
        logger.LogInformation("Developer response {AnswerId} ({Length} chars)", answer.Id, answer.AnswerText.Length); // clean precision-about
    }
}
