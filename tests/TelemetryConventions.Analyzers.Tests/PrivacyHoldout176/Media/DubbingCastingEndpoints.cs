namespace PrivacyHoldout176.Media;

/// <summary>Voice artists audition for dubbed versions of the broadcaster's dramas (minimal API).</summary>
public static class DubbingCastingEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Dubbing");
    private static readonly Meter Meter = new("Broadcaster.Dubbing");
    private static readonly Counter<long> Auditions = Meter.CreateCounter<long>("dubbing.auditions");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/dubbing/{productionId}/auditions", Audition);

    private static ActionResult Audition(string productionId, DubbingAudition audition, Pseudonymizer pseudonymizer, ILogger<DubbingAudition> logger)
    {
        using var span = Source.StartSubtitlingOperation("dubbing");
        span.SetSubtitlingLanguage(audition.Language); // clean generated-api
        span.SetSubtitlingInterpreterId(pseudonymizer.PseudonymizeSubtitlingInterpreterId(audition.ArtistId)); // clean generated-api
        span.SetSubtitlingNote($"Audition for {audition.Role} in {productionId}"); // clean generated-api
        span.SetSubtitlingNote($"Audition by {audition.ArtistName} for {audition.Role}"); // leak TC1001 generated-api

        Activity.Current?.SetTag("production.id", productionId); // clean precision-names
        Activity.Current?.SetTag("dubbing.role", audition.Role); // clean precision-names
        Activity.Current?.SetTag("artist.email", audition.Email); // leak TC1001 direct
        Activity.Current?.SetTag("artist.ref", pseudonymizer.Compute("interpreter", audition.ArtistId)); // clean precision-pseudonym
        Auditions.Add(1, new KeyValuePair<string, object?>("language", audition.Language), new KeyValuePair<string, object?>("role", audition.Role)); // clean precision-names
        Auditions.Add(1, new KeyValuePair<string, object?>("artist", audition.ArtistId)); // leak TC1003 direct

        logger.LogInformation("Audition received: {Audition}", audition); // leak TC1001 logging-objects
        logger.LogInformation("Audition for {Role} in {Language}, artist email at {Domain}", audition.Role, audition.Language, audition.Email.Split('@')[^1]); // clean precision-about
        var slug = $"{audition.ArtistName.ToLowerInvariant().Replace(' ', '-')}-{audition.Role}.wav";
        logger.LogInformation("Showreel stored as {Slug}", slug); // leak TC1001 strings
        logger.LogInformation("Headshot at {Url}", $"https://cdn.example.org/auditions/{audition.ArtistId}/headshot.jpg"); // leak TC1001 strings
        logger.LogInformation("Audition pack at {Url}", $"https://cdn.example.org/productions/{productionId}/{audition.Role}.pdf"); // clean strings
        Activity.Current?.SetBaggage("artist.ref", pseudonymizer.Compute("interpreter", audition.ArtistId)); // clean precision-pseudonym
        return new OkResult(productionId);
    }
}
